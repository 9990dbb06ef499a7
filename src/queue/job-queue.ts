import type { JobPayloads, JobType } from './jobs.ts';

/**
 * The one job queue interface. Two drivers implement it: the embedded queue (jobs in the `Db`,
 * the default, nothing to install) and NATS JetStream (scale-out, `NATS_URL`).
 *
 * Guarantees shared by both drivers:
 * - enqueueing the same idempotency key twice creates one job (within the driver's window);
 * - delivery is at-least-once: a job whose worker died is delivered again after its lease;
 * - a handler that throws is retried with exponential backoff, then dead-lettered;
 * - jobs with the same partition key run one at a time, in enqueue order.
 * Handlers must be idempotent: see `jobs.ts`.
 */
export interface EnqueueOptions {
  /** Same key, same job: e.g. `scan:tenant:mailbox:providerMessageId`. */
  idempotencyKey: string;
  /** Jobs sharing it run in order, one at a time. Defaults to `tenantId:mailboxId` of the payload. */
  partitionKey?: string;
}

export interface EnqueueResult {
  jobId: string;
  /** False when a job with this idempotency key already existed. */
  created: boolean;
}

export interface JobContext {
  jobId: string;
  type: JobType;
  idempotencyKey: string;
  partitionKey: string;
  /** 1 on the first delivery. */
  attempt: number;
  /** Aborted when the worker gives the job up: stop deadline passed, or (embedded driver) lease lost to another worker. */
  signal: AbortSignal;
}

export type JobHandler<T extends JobType> = (payload: JobPayloads[T], context: JobContext) => Promise<void>;

export interface DeadJob {
  jobId: string;
  type: JobType;
  payload: unknown;
  idempotencyKey: string;
  partitionKey: string;
  attempts: number;
  lastError: string | null;
  diedAt: Date;
}

export interface StopOptions {
  /** How long in-flight jobs may take to finish before they are abandoned to another worker. */
  deadlineMs?: number;
}

export interface JobQueue {
  enqueue<T extends JobType>(type: T, payload: JobPayloads[T], options: EnqueueOptions): Promise<EnqueueResult>;
  /** Register the handler of one job type; call before `start()`. */
  handle<T extends JobType>(type: T, handler: JobHandler<T>): void;
  /** Begin taking jobs of the registered types. */
  start(): Promise<void>;
  /** Stop taking jobs, wait for in-flight ones up to the deadline, release the rest; then close. */
  stop(options?: StopOptions): Promise<void>;
  listDead(options?: { limit?: number }): Promise<DeadJob[]>;
  /** Put a dead job back in the queue with a fresh attempt budget. False when no such dead job. */
  retryDead(jobId: string): Promise<boolean>;
}

/** Settings both drivers share. */
export interface QueueTuning {
  /** Jobs run at once by this worker (different partitions only). */
  concurrency: number;
  /** Deliveries before a job is dead-lettered. */
  maxAttempts: number;
  /** A running job's lease; a worker that stops renewing it loses the job to another worker. */
  leaseMs: number;
  backoff: { baseMs: number; maxMs: number };
  /** How long stop() waits for in-flight jobs by default. */
  stopDeadlineMs: number;
}

export const DEFAULT_TUNING: QueueTuning = {
  concurrency: 8,
  maxAttempts: 5,
  leaseMs: 30_000,
  backoff: { baseMs: 1_000, maxMs: 5 * 60_000 },
  stopDeadlineMs: 10_000,
};
