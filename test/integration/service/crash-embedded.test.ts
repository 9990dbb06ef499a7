import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { eventually } from '../../../src/queue/testing/wait.ts';
import { openDb } from '../../../src/storage/open-db.ts';
import { assertExactlyOnce, sendBatch } from './batch.ts';
import { api, type ServiceProcess, startMailward, stopMailward } from './harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'mailward-crash-'));
const env = { MAILWARD_DATA: dataDir, MAILWARD_WORKER_LEASE_SECONDS: '5' };
const COUNT = 60;

describe('embedded default: SIGKILL in the middle of a batch', () => {
  let service: ServiceProcess | undefined;
  after(async () => {
    if (service) await stopMailward(service, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('scans every accepted message exactly once and quarantines each phish once, after a restart', async (t) => {
    const first = await startMailward({ env });
    service = first;
    const apiKey = first.apiKey!;
    // Crash once scanning is under way while messages are still arriving: some scanned, some
    // accepted and queued or running, some never acknowledged.
    let acceptedSoFar = 0;
    const sending = sendBatch(first.smtpPort!, COUNT, 'crash', (n) => {
      acceptedSoFar = n;
    });
    const scannedAtKill = await eventually(
      async () => {
        const { body } = await api<{ items: Array<{ verdict: unknown }> }>(first, '/messages?limit=100', apiKey);
        const n = body.items.filter((m) => m.verdict).length;
        return n >= 3 ? n : null;
      },
      'scanning under way',
      120_000,
    );
    first.child.kill('SIGKILL');
    const acceptedAtKill = acceptedSoFar;
    const batch = await sending;
    assert.equal((await first.exited).signal, 'SIGKILL');
    const accepted = batch.filter((m) => m.accepted);
    t.diagnostic(
      `when the process died: ${acceptedAtKill} accepted, ${scannedAtKill} scanned; ${accepted.length} of ${COUNT} accepted in all`,
    );
    assert.ok(accepted.length > 0 && accepted.length < COUNT, 'the kill happened in the middle of the batch');

    // Restart on the same data folder: the queue's state, reports and quarantine are all there.
    const second = await startMailward({ env });
    service = second;
    await eventually(
      async () => {
        for (const message of accepted) {
          const { body } = await api<{ report: unknown }>(second, `/messages/${message.messageId}`, apiKey);
          if (!body.report) return false;
        }
        return true;
      },
      'every accepted message scanned after the restart',
      120_000,
    );
    // Let actions planned by the last scans finish, then stop cleanly and look at storage directly.
    await eventually(
      async () => {
        const { body } = await api<{ items: unknown[] }>(second, '/quarantine?limit=100', apiKey);
        return body.items.length >= accepted.filter((m) => m.kind === 'phish').length;
      },
      'every accepted phish quarantined',
      60_000,
    );
    assert.equal((await stopMailward(second, 'SIGINT')).code, 0, second.output());
    service = undefined;

    const db = await openDb({ dataDir: join(dataDir, 'db') });
    try {
      await assertExactlyOnce(db, batch);
    } finally {
      await db.close();
    }
  });
});
