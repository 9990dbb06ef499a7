import type { JobQueue, QueueTuning } from '../job-queue.ts';

/**
 * One isolated deployment for one test (its own jobs table contents or its own streams), so a
 * driver's tests never see each other's jobs. Every queue it creates shares the deployment's
 * jobs, like worker processes sharing a database or a NATS account.
 */
export interface QueueWorld {
  createQueue(tuning: Partial<QueueTuning>): JobQueue;
  /**
   * Take the next job of this partition as a worker that dies at once: it never renews its lease
   * and never settles the job.
   */
  claimAsDeadWorker(partitionKey: string): Promise<void>;
  dispose(): Promise<void>;
}

export interface QueueDriverHarness {
  setup?(): Promise<void>;
  newWorld(): Promise<QueueWorld>;
  teardown?(): Promise<void>;
}

/** Tuning small enough that leases, retries and backoff show within a test. */
export const TEST_TUNING: QueueTuning = {
  concurrency: 4,
  maxAttempts: 3,
  leaseMs: 1_000,
  backoff: { baseMs: 50, maxMs: 200 },
  stopDeadlineMs: 2_000,
};
