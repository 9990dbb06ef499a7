import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionJob, inWorld, scanJob } from './in-world.ts';
import type { QueueDriverHarness } from './queue-world.ts';
import { deferred, eventually, sleep, untilAborted } from './wait.ts';

/** Retries, dead letters, leases and stopping: the behaviour that keeps jobs from being lost. */
export function describeFailureBehaviour(harness: QueueDriverHarness): void {
  test('a failing job is retried with growing backoff, dead-lettered, listed and retried by hand', () =>
    inWorld(harness, async (make) => {
      const queue = make({ maxAttempts: 3, backoff: { baseMs: 100, maxMs: 1_000 } });
      const attempts: { attempt: number; at: number }[] = [];
      let providerUp = false;
      queue.handle('apply-action', async (_payload, context) => {
        attempts.push({ attempt: context.attempt, at: performance.now() });
        if (!providerUp) throw new Error('provider answered 503');
      });
      const [payload, options] = actionJob('mailbox-a', 'msg-1');
      await queue.enqueue('apply-action', payload, options);
      await queue.start();
      const [dead] = await eventually(async () => {
        const list = await queue.listDead();
        return list.length > 0 ? list : null;
      }, 'the job to be dead-lettered');
      assert.deepEqual(
        attempts.map((a) => a.attempt),
        [1, 2, 3],
      );
      // Backoff lower bounds only: 100 ms then 200 ms.
      assert.ok(attempts[1].at - attempts[0].at >= 90, 'second attempt came before its backoff');
      assert.ok(attempts[2].at - attempts[1].at >= 180, 'third attempt came before its doubled backoff');
      assert.equal(dead.type, 'apply-action');
      assert.deepEqual(dead.payload, payload);
      assert.equal(dead.idempotencyKey, options.idempotencyKey);
      assert.equal(dead.partitionKey, 'tenant-1:mailbox-a');
      assert.equal(dead.attempts, 3);
      assert.match(dead.lastError ?? '', /503/);

      providerUp = true;
      assert.equal(await queue.retryDead(dead.jobId), true);
      await eventually(() => attempts.length === 4, 'the retried job to run');
      assert.equal(attempts[3].attempt, 1, 'a job retried by hand starts a fresh attempt budget');
      await eventually(async () => (await queue.listDead()).length === 0, 'the dead-letter list to empty');
      assert.equal(await queue.retryDead(dead.jobId), false);
    }));

  test('a job whose worker died is delivered again once its lease expires', () =>
    inWorld(harness, async (make, world) => {
      const queue = make();
      await queue.enqueue('scan-message', ...scanJob('mailbox-a', 'msg-1'));
      await world.claimAsDeadWorker('tenant-1:mailbox-a');
      const deliveries: number[] = [];
      queue.handle('scan-message', async (_payload, context) => {
        deliveries.push(context.attempt);
      });
      await queue.start();
      await eventually(() => deliveries.length === 1, 'the abandoned job to be re-delivered');
      assert.deepEqual(deliveries, [2]);
    }));

  test('a job running longer than its lease keeps it by renewing', () =>
    inWorld(harness, async (make) => {
      const workers = [make({ leaseMs: 600 }), make({ leaseMs: 600 })];
      const ran: string[] = [];
      for (const worker of workers) {
        worker.handle('scan-message', async (payload) => {
          ran.push(payload.messageId);
          if (payload.messageId === 'slow') await sleep(2_000); // more than three leases
        });
      }
      await workers[0].enqueue('scan-message', ...scanJob('mailbox-a', 'slow'));
      await workers[0].enqueue('scan-message', ...scanJob('mailbox-a', 'fence'));
      await Promise.all(workers.map((worker) => worker.start()));
      await eventually(() => ran.includes('fence'), 'the fence job to run');
      assert.deepEqual(ran, ['slow', 'fence']);
    }));

  test('stop waits for the running job and takes no new ones', () =>
    inWorld(harness, async (make) => {
      const first = make();
      const started = deferred();
      let finished = false;
      const ranOnFirst: string[] = [];
      first.handle('scan-message', async (payload) => {
        ranOnFirst.push(payload.messageId);
        started.resolve();
        await sleep(300);
        finished = true;
      });
      await first.enqueue('scan-message', ...scanJob('mailbox-a', 'msg-1'));
      await first.start();
      await started.promise;
      await first.stop({ deadlineMs: 10_000 });
      assert.equal(finished, true, 'stop returned before the running job finished');

      const second = make();
      const ranOnSecond: string[] = [];
      second.handle('scan-message', async (payload) => {
        ranOnSecond.push(payload.messageId);
      });
      await second.enqueue('scan-message', ...scanJob('mailbox-b', 'msg-2'));
      await second.enqueue('scan-message', ...scanJob('mailbox-a', 'fence'));
      await second.start();
      await eventually(() => ranOnSecond.length === 2, 'the second worker to run both new jobs');
      assert.deepEqual(ranOnFirst, ['msg-1']);
      assert.deepEqual([...ranOnSecond].sort(), ['fence', 'msg-2']);
    }));

  test('a job still running at the stop deadline is aborted and handed to another worker at once', () =>
    inWorld(harness, async (make) => {
      // A lease far longer than the wait below: only the release can explain the quick hand-over.
      const longLease = { leaseMs: 60_000 };
      const first = make(longLease);
      const started = deferred();
      let aborted = false;
      first.handle('scan-message', async (_payload, context) => {
        started.resolve();
        await untilAborted(context.signal);
        aborted = true;
        await new Promise(() => {}); // a handler that ignores its signal must not hold stop() up
      });
      await first.enqueue('scan-message', ...scanJob('mailbox-a', 'msg-1'));
      await first.start();
      await started.promise;
      await first.stop({ deadlineMs: 100 });
      assert.equal(aborted, true);

      const second = make(longLease);
      const ran: string[] = [];
      second.handle('scan-message', async (payload) => {
        ran.push(payload.messageId);
      });
      await second.start();
      await eventually(() => ran.length === 1, 'the released job to run on the second worker', 20_000);
      assert.deepEqual(ran, ['msg-1']);
    }));
}
