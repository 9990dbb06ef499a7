import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { migrate } from '../../../src/storage/migrate.ts';
import { openDb } from '../../../src/storage/open-db.ts';
import { createRepositories } from '../../../src/storage/repositories.ts';
import { rawEmail } from '../../../src/storage/testing/fixtures.ts';

describe('embedded PGlite in a data folder', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps data across restarts and migrates only once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mailward-data-'));
    dirs.push(dataDir);
    const raw = rawEmail('survives a restart', 'x'.repeat(10_000));

    const first = await openDb({ dataDir });
    let messageId: string;
    let tenantId: string;
    try {
      assert.equal(first.driver, 'pglite');
      const repos = createRepositories(first);
      const tenant = await repos.tenants.create({ name: 'Laptop', domains: ['laptop.example'] });
      const mailbox = await repos.mailboxes.upsert(tenant.id, { address: 'me@laptop.example', provider: 'imap' });
      const { message } = await repos.messages.ingest(tenant.id, {
        mailboxId: mailbox.id,
        providerMessageId: '1:1',
        from: 'a@b.test',
        to: ['me@laptop.example'],
        subject: 'survives a restart',
        raw,
      });
      messageId = message.id;
      tenantId = tenant.id;
    } finally {
      await first.close();
    }

    const second = await openDb({ dataDir });
    try {
      assert.deepEqual(await migrate(second), [], 'nothing left to apply after a restart');
      const repos = createRepositories(second);
      assert.equal((await repos.tenants.findByDomain('laptop.example'))?.id, tenantId);
      assert.equal((await repos.rawMime.getForMessage(tenantId, messageId))?.equals(raw), true);
      const { rows } = await second.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.ok(rows[0].n >= 1);
    } finally {
      await second.close();
    }
  });
});
