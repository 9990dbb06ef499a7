import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

const MAIN = resolve(import.meta.dirname, '../../src/cli/main.ts');
const FIXTURES = resolve(import.meta.dirname, '../fixtures/engine');

function mailward(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [MAIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mailward scan', () => {
  it('flags a credential phish with exit 1 and explains why', () => {
    const { code, stdout } = mailward(['scan', '--offline', join(FIXTURES, 'credential-phish.eml')]);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^(PHISH|SUSPICIOUS) {2}score /);
    assert.match(stdout, /Reasons:/);
  });

  it('passes an ordinary colleague message with exit 0', () => {
    const { code, stdout } = mailward(['scan', '--offline', join(FIXTURES, 'legit-colleague.eml')]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^CLEAN/);
  });

  it('prints the documented JSON shape', () => {
    const { stdout } = mailward(['scan', '--offline', '--json', join(FIXTURES, 'credential-phish.eml')]);
    const report = JSON.parse(stdout);
    assert.deepEqual(Object.keys(report).slice(0, 3), ['verdict', 'score', 'signals']);
    for (const key of ['errors', 'timings_ms']) assert.ok(key in report, key);
    assert.ok(report.signals.length > 0);
    for (const s of report.signals) for (const key of ['id', 'group', 'weight', 'factor', 'evidence']) assert.ok(key in s, key);
  });

  it('reads standard input and gzip', () => {
    const { code, stdout } = mailward(
      ['scan', '--offline', '-'],
      gzipSync(
        Buffer.from(
          'From: Ana <ana@example.com>\nTo: Ben <ben@example.com>\nSubject: lunch\nDate: Mon, 2 Nov 2026 09:00:00 +0000\nMessage-ID: <l1@example.com>\n\nSee you at noon.\n',
        ),
      ),
    );
    assert.equal(code, 0);
    assert.match(stdout, /subject: lunch/);
  });

  it('explains input that is not email in one line, exit 2, no stack trace', () => {
    const { code, stderr } = mailward(['scan', '-'], Buffer.from([0x00, 0x01, 0x02, 0xff]));
    assert.equal(code, 2);
    assert.match(stderr, /^mailward: cannot scan standard input: not an email message/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it('names a missing file and an unknown option', () => {
    const missing = mailward(['scan', '/nonexistent/message.eml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read \/nonexistent\/message\.eml: no such file/);
    const unknown = mailward(['scan', '--frobnicate', 'x']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /frobnicate/);
  });
});

describe('mailward eval', () => {
  it('reports recall, false positives and speed per set, counting duplicates once', () => {
    const ham = mkdtempSync(join(tmpdir(), 'mailward-ham-'));
    const threat = mkdtempSync(join(tmpdir(), 'mailward-threat-'));
    const colleague = Buffer.from(spawnSync('cat', [join(FIXTURES, 'legit-colleague.eml')]).stdout);
    writeFileSync(join(ham, '1.eml'), colleague);
    writeFileSync(join(ham, '2.eml.gz'), gzipSync(colleague));
    writeFileSync(join(ham, 'README.md'), '# not a message\n');
    writeFileSync(
      join(threat, 'p.txt'),
      `From mbox-line Tue Oct 20 06:12:44 2026\n${spawnSync('cat', [join(FIXTURES, 'credential-phish.eml')]).stdout}`,
    );
    const { code, stdout } = mailward(['eval', '--ham', ham, '--threat', threat, '--json']);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    const [hamSet, threatSet] = result.sets;
    assert.equal(hamSet.count, 1);
    assert.equal(hamSet.duplicates, 1);
    assert.equal(hamSet.fpr, 0);
    assert.equal(threatSet.recall, 1);
    for (const key of ['recall', 'msgs_per_sec', 'p50_ms', 'p99_ms']) assert.ok(key in threatSet, key);
    for (const key of ['msgs_per_sec', 'p50_ms', 'p99_ms']) assert.ok(key in result.overall, key);

    const strict = mailward(['eval', '--threat', ham, '--min-recall', '0.5']);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /target missed: recall 0\.00% is below 50\.00%/);
  });
});
