import type { JobQueue } from '../queue/job-queue.ts';
import { type ApplyActionPayload, idempotencyKeys, partitionKeyOf } from '../queue/jobs.ts';

/**
 * Plans an `apply-action` job that a person or a campaign asked for (not the policy's own, which
 * the scan plans in its partition). `occasion` names what asked and when, e.g. `undo:<time>`:
 * the same occasion plans once however often it is repeated, while a later one (a second release,
 * a pull-back after the copy moved back) acts again. Runs in the mailbox's partition, after any
 * scan or action already queued there.
 */
export async function enqueueMailboxAction(
  deps: { queue: JobQueue },
  payload: ApplyActionPayload,
  occasion: string,
): Promise<{ jobId: string; created: boolean }> {
  return deps.queue.enqueue('apply-action', payload, {
    idempotencyKey: `${idempotencyKeys.action(payload)}:${occasion}`,
    partitionKey: partitionKeyOf(payload),
  });
}
