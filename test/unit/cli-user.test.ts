import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDb } from '../../src/storage/open-db.ts';
import { UsersRepository } from '../../src/storage/users.ts';

const MAIN = resolve(import.meta.dirname, '../../src/cli/main.ts');

function mailward(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    input,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, MAILWARD_USER_PASSWORD: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mailward user', () => {
  const data = mkdtempSync(join(tmpdir(), 'mailward-user-'));
  after(() => rmSync(data, { recursive: true, force: true }));

  it('creates the first admin (and the default tenant) on an empty database, password from standard input', async () => {
    const short = spawnSync(process.execPath, [MAIN, 'user', 'add', 'first@example.com', '--data', data], {
      input: 'too short\n',
      encoding: 'utf8',
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'MAILWARD_USER_PASSWORD')),
    });
    assert.equal(short.status, 2);
    assert.match(short.stderr, /at least 12 characters/);

    const added = spawnSync(process.execPath, [MAIN, 'user', 'add', 'First@Example.com', '--data', data, '--name', 'First Admin'], {
      input: 'a long enough passphrase\n',
      encoding: 'utf8',
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'MAILWARD_USER_PASSWORD')),
    });
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /Created tenant "Default"/);
    assert.match(added.stdout, /Created first@example\.com: admin in tenant "Default"/);

    const listed = mailward(['user', 'list', '--data', data]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^first@example\.com\tadmin\tFirst Admin\tnever logged in$/m);

    const db = await openDb({ dataDir: join(data, 'db') });
    try {
      const user = await new UsersRepository(db).verifyLogin('first@example.com', 'a long enough passphrase');
      assert.equal(user?.name, 'First Admin');
      const stored = await db.query<{ password_hash: string }>('SELECT password_hash FROM users');
      assert.match(stored.rows[0].password_hash, /^scrypt\$16384\$8\$1\$/);
      assert.equal(stored.rows[0].password_hash.includes('passphrase'), false);
    } finally {
      await db.close();
    }
  });

  it('refuses an unknown role or tenant with a one-line error', () => {
    const role = mailward(['user', 'add', 'x@example.com', '--role', 'owner', '--data', data]);
    assert.equal(role.code, 2);
    assert.match(role.stderr, /--role must be one of admin, analyst, read-only/);
    const tenant = mailward(['user', 'add', 'x@example.com', '--tenant', 'Nope', '--data', data], undefined, {
      MAILWARD_USER_PASSWORD: 'a long enough passphrase',
    });
    assert.equal(tenant.code, 2);
    assert.match(tenant.stderr, /no tenant named "Nope"/);
  });
});
