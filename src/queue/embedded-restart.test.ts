import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pino from 'pino';
import { openDb } from '../storage/open-db.ts';
import { EmbeddedJobQueue } from './embedded/embedded-queue.ts';
import { idempotencyKeys } from './jobs.ts';
import { eventually } from './testing/wait.ts';

test('embedded queue: jobs queued before a restart run after it', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mailward-queue-'));
  const log = pino({ level: 'silent' });
  const payload = { tenantId: 'tenant-1', mailboxId: 'mailbox-a', messageId: 'msg-1' };
  try {
    const before = await openDb({ dataDir });
    await new EmbeddedJobQueue({ db: before, log }).enqueue('scan-message', payload, { idempotencyKey: idempotencyKeys.scan(payload) });
    await before.close();

    const after = await openDb({ dataDir });
    const queue = new EmbeddedJobQueue({ db: after, log, pollIntervalMs: 50 });
    const ran: string[] = [];
    queue.handle('scan-message', async (job) => {
      ran.push(job.messageId);
    });
    try {
      await queue.start();
      await eventually(() => ran.length === 1, 'the job from before the restart to run');
      assert.deepEqual(ran, ['msg-1']);
    } finally {
      await queue.stop();
      await after.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
