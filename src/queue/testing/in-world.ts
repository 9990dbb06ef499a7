import type { JobQueue, QueueTuning } from '../job-queue.ts';
import { type ApplyActionPayload, idempotencyKeys, type ScanMessagePayload } from '../jobs.ts';
import { type QueueDriverHarness, type QueueWorld, TEST_TUNING } from './queue-world.ts';

export function scanJob(mailboxId: string, messageId: string): [ScanMessagePayload, { idempotencyKey: string }] {
  const payload = { tenantId: 'tenant-1', mailboxId, messageId };
  return [payload, { idempotencyKey: idempotencyKeys.scan(payload) }];
}

export function actionJob(mailboxId: string, messageId: string): [ApplyActionPayload, { idempotencyKey: string }] {
  const payload: ApplyActionPayload = { tenantId: 'tenant-1', mailboxId, messageId, action: 'quarantine', reason: 'phishing verdict' };
  return [payload, { idempotencyKey: idempotencyKeys.action(payload) }];
}

/** Runs `body` in a fresh world and stops every queue it made, whatever happens. */
export async function inWorld(
  harness: QueueDriverHarness,
  body: (make: (tuning?: Partial<QueueTuning>) => JobQueue, world: QueueWorld) => Promise<void>,
): Promise<void> {
  const world = await harness.newWorld();
  const queues: JobQueue[] = [];
  const make = (tuning: Partial<QueueTuning> = {}) => {
    const queue = world.createQueue({ ...TEST_TUNING, ...tuning });
    queues.push(queue);
    return queue;
  };
  try {
    await body(make, world);
  } finally {
    await Promise.allSettled(queues.map((queue) => queue.stop({ deadlineMs: 500 })));
    await world.dispose();
  }
}
