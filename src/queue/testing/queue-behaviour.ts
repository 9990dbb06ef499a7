import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { actionJob, inWorld, scanJob } from './in-world.ts';
import { describeFailureBehaviour } from './queue-failure-behaviour.ts';
import type { QueueDriverHarness } from './queue-world.ts';
import { deferred, eventually, sleep } from './wait.ts';

/**
 * The behaviour every `JobQueue` driver must show. Each driver's test file calls this once with
 * its harness; the assertions live only here.
 */
export function describeQueueBehaviour(title: string, harness: QueueDriverHarness): void {
  describe(title, () => {
    before(() => harness.setup?.());
    after(() => harness.teardown?.());
    describeDeliveryBehaviour(harness);
    describeFailureBehaviour(harness);
  });
}

function describeDeliveryBehaviour(harness: QueueDriverHarness): void {
  test('enqueueing the same idempotency key twice creates one job, also after it completed', () =>
    inWorld(harness, async (make) => {
      const queue = make();
      const ran: string[] = [];
      queue.handle('scan-message', async (payload) => {
        ran.push(payload.messageId);
      });
      const first = await queue.enqueue('scan-message', ...scanJob('mailbox-a', 'msg-1'));
      const second = await queue.enqueue('scan-message', ...scanJob('mailbox-a', 'msg-1'));
      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.equal(second.jobId, first.jobId);
      await queue.start();
      await eventually(() => ran.length === 1, 'the job to run');
      const third = await queue.enqueue('scan-message', ...scanJob('mailbox-a', 'msg-1'));
      assert.equal(third.created, false);
      // Same partition, so a duplicate (had one been created) would run before this fence.
      await queue.enqueue('scan-message', ...scanJob('mailbox-a', 'fence'));
      await eventually(() => ran.includes('fence'), 'the fence job to run');
      assert.deepEqual(ran, ['msg-1', 'fence']);
    }));

  test('jobs of one partition run one at a time and in order across workers, even through a retry', () =>
    inWorld(harness, async (make) => {
      const workers = [make({ concurrency: 4 }), make({ concurrency: 4 })];
      const started: string[] = [];
      const completed: string[] = [];
      let active = 0;
      let overlaps = 0;
      for (const worker of workers) {
        worker.handle('scan-message', async (payload, context) => {
          active++;
          if (active > 1) overlaps++;
          started.push(payload.messageId);
          await sleep(5);
          active--;
          if (payload.messageId === 'msg-3' && context.attempt === 1) throw new Error('transient failure');
          completed.push(payload.messageId);
        });
      }
      const ids = Array.from({ length: 8 }, (_, i) => `msg-${i}`);
      for (const id of ids) await workers[0].enqueue('scan-message', ...scanJob('mailbox-ordered', id));
      await Promise.all(workers.map((worker) => worker.start()));
      await eventually(() => completed.length === ids.length, 'all jobs of the partition to complete');
      assert.deepEqual(completed, ids);
      assert.deepEqual(started, [...ids.slice(0, 4), 'msg-3', ...ids.slice(4)]);
      assert.equal(overlaps, 0, 'two jobs of one partition ran at the same time');
    }));

  test('different partitions run concurrently, up to the configured concurrency', () =>
    inWorld(harness, async (make) => {
      const concurrency = 3;
      const queue = make({ concurrency });
      const enoughRunning = deferred();
      let active = 0;
      let maxActive = 0;
      let done = 0;
      queue.handle('scan-message', async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        if (active === concurrency) enoughRunning.resolve();
        await Promise.race([enoughRunning.promise, sleep(5_000)]);
        await sleep(20);
        active--;
        done++;
      });
      const mailboxes = ['mb-north', 'mb-south', 'mb-east', 'mb-west', 'mb-up', 'mb-down', 'mb-left', 'mb-right'];
      for (const mailbox of mailboxes) await queue.enqueue('scan-message', ...scanJob(mailbox, 'msg-1'));
      await queue.start();
      await eventually(() => done === mailboxes.length, 'every partition to finish');
      assert.equal(maxActive, concurrency);
    }));

  test('jobs enqueued before any worker runs are kept until one does', () =>
    inWorld(harness, async (make) => {
      const producer = make();
      await producer.enqueue('apply-action', ...actionJob('mailbox-a', 'msg-1'));
      await producer.stop();
      const worker = make();
      const ran: string[] = [];
      worker.handle('apply-action', async (payload) => {
        ran.push(`${payload.action}:${payload.messageId}`);
      });
      await worker.start();
      await eventually(() => ran.length === 1, 'the stored job to run');
      assert.deepEqual(ran, ['quarantine:msg-1']);
    }));
}
