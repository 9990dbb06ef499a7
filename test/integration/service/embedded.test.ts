import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../../../src/queue/testing/wait.ts';
import { api, CLEAN, FIXTURES, MAIN, PHISH, type ServiceProcess, sendSmtp, startMailward, stopMailward, variant } from './harness.ts';

interface MessageView {
  message: { id: string; from: string; subject: string; verdict: { class: string } | null };
  report: { report: { verdict: { class: string }; unscannable?: { code: string } } } | null;
}

const dataDir = mkdtempSync(join(tmpdir(), 'mailward-service-'));
const env = { MAILWARD_DATA: dataDir, MAILWARD_SMTP_MAX_MESSAGE_BYTES: '200000' };

describe('mailward start, embedded default (PGlite + embedded queue, one process)', () => {
  let service: ServiceProcess;
  let apiKey: string;
  const ids: Record<string, string> = {};

  before(async () => {
    service = await startMailward({ env });
    assert.ok(service.smtpPort && service.apiUrl, service.output());
    assert.ok(service.apiKey, 'the first start prints an admin key');
    apiKey = service.apiKey;
  });

  after(async () => {
    if (service) await stopMailward(service, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const scanned = (id: string) =>
    eventually(
      async () => {
        const { status, body } = await api<MessageView>(service, `/messages/${id}`, apiKey);
        return status === 200 && body.report ? body : null;
      },
      `message ${id} scanned`,
      60_000,
    );

  it('accepts journal copies over SMTP only once stored, then scans them and quarantines the phish', async () => {
    const phish = await sendSmtp(service.smtpPort!, variant(PHISH, 'e2e-phish'));
    const clean = await sendSmtp(service.smtpPort!, variant(CLEAN, 'e2e-clean'));
    assert.ok(phish.accepted && clean.accepted, `${phish.response} / ${clean.response}`);
    assert.match(phish.response, /^250 2\.6\.0 /);
    [ids.phish] = phish.messageIds;
    [ids.clean] = clean.messageIds;

    const phishView = await scanned(ids.phish);
    assert.equal(phishView.report?.report.verdict.class, 'phish');
    assert.equal(phishView.message.from, 'no-reply@account-notice.example.net');
    assert.equal((await scanned(ids.clean)).report?.report.verdict.class, 'clean');

    const quarantine = await eventually(
      async () => {
        const { body } = await api<{ items: Array<{ messageId: string; decidedBy: string }> }>(service, '/quarantine', apiKey);
        return body.items.length > 0 ? body.items : null;
      },
      'the phish in quarantine',
      30_000,
    );
    assert.deepEqual(
      quarantine.map((q) => [q.messageId, q.decidedBy]),
      [[ids.phish, 'system']],
    );
  });

  it('treats the same bytes sent twice as one message', async () => {
    const again = await sendSmtp(service.smtpPort!, variant(PHISH, 'e2e-phish'));
    assert.ok(again.accepted);
    assert.deepEqual(again.messageIds, [ids.phish]);
  });

  it('stores malformed mail and reports it unscannable', async () => {
    const garbage = await sendSmtp(service.smtpPort!, Buffer.from('\u0000\u0001 this is not an email message at all\r\n'));
    assert.ok(garbage.accepted, garbage.response);
    const view = await scanned(garbage.messageIds[0]);
    assert.equal(view.report?.report.unscannable?.code, 'INPUT_NOT_EMAIL');
  });

  it('refuses unknown recipient domains (550 5.1.1) and oversized messages (552 5.2.2)', async () => {
    const unknown = await sendSmtp(service.smtpPort!, variant(CLEAN, 'unknown'), 'someone@not-a-tenant.test');
    assert.equal(unknown.accepted, false);
    assert.match(unknown.response, /^550 5\.1\.1 .*not-a-tenant\.test/);
    const big = await sendSmtp(service.smtpPort!, Buffer.concat([variant(CLEAN, 'big'), Buffer.alloc(300_000, 'a\r\n')]));
    assert.equal(big.accepted, false);
    assert.match(big.response, /^552 5\.\d\.\d /);
  });

  it('mailward ingest posts files to the API and prints their ids', () => {
    const result = spawnSync(
      process.execPath,
      [MAIN, 'ingest', '--url', service.apiUrl!, '--api-key', apiKey, resolve(FIXTURES, 'legit-newsletter.eml')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /legit-newsletter\.eml: [0-9a-f-]{36}\n/);
    const bad = spawnSync(process.execPath, [MAIN, 'ingest', '--url', service.apiUrl!, '--api-key', 'mw_wrong', FIXTURES], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /error: HTTP 401/);
  });

  it('stops gracefully on SIGINT and keeps quarantine, reports and the API key across a restart', async () => {
    const { code } = await stopMailward(service, 'SIGINT');
    assert.equal(code, 0, service.output());
    assert.match(service.output(), /Mailward: stopped\./);
    service = await startMailward({ env });
    assert.equal(service.apiKey, undefined, 'no second admin key');
    const view = await scanned(ids.phish);
    assert.equal(view.report?.report.verdict.class, 'phish');
    const { body } = await api<{ items: Array<{ messageId: string }> }>(service, '/quarantine', apiKey);
    assert.deepEqual(
      body.items.map((q) => q.messageId),
      [ids.phish],
    );
  });
});
