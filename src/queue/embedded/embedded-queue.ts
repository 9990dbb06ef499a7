import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { errorMessage } from '../../core/errors.ts';
import type { Db } from '../../storage/db.ts';
import {
  DEFAULT_TUNING,
  type DeadJob,
  type EnqueueOptions,
  type EnqueueResult,
  type JobHandler,
  type JobQueue,
  type QueueTuning,
  type StopOptions,
} from '../job-queue.ts';
import { JobRunner } from '../job-runner.ts';
import { type JobPayloads, type JobType, partitionKeyOf } from '../jobs.ts';
import { type ClaimedJob, JobStore, type NewJob } from './job-store.ts';
import { WriteBatcher } from './write-batcher.ts';

export interface EmbeddedQueueOptions extends Partial<QueueTuning> {
  db: Db;
  /** Names this worker in `locked_by`; unique per process. */
  workerId?: string;
  /** Safety net for jobs enqueued by other processes or due after a backoff; local enqueues wake the worker at once. */
  pollIntervalMs?: number;
  /**
   * Wake-ups (enqueues, finished jobs) within this window share one claim: claiming is the
   * queue's costliest statement, and under load one claim then fills several slots. Default 5 ms.
   */
  claimWindowMs?: number;
  /** How long a finished job's idempotency key keeps blocking a new job with the same key. */
  retentionMs?: number;
  log?: Logger;
}

/**
 * The embedded driver: jobs live in the `jobs` table of the `Db` (PGlite by default), so a restart
 * loses nothing. Several processes may share one PostgreSQL database: the claim query alone keeps
 * partitions ordered and leases exclusive; only the wake-up on enqueue is in-process, other
 * processes see new jobs at their next poll.
 */
export class EmbeddedJobQueue implements JobQueue {
  private readonly store: JobStore;
  private readonly tuning: QueueTuning;
  private readonly runner: JobRunner;
  private readonly workerId: string;
  private readonly pollIntervalMs: number;
  private readonly claimWindowMs: number;
  private claimTimer: NodeJS.Timeout | null = null;
  private readonly retentionMs: number;
  private readonly log: Logger;
  private started = false;
  private stopping = false;
  private pumping = false;
  private pumpAgain = false;
  private pumpDone: Promise<void> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Enqueues and completions made while one is being written go together in the next statement. */
  private readonly enqueues: WriteBatcher<NewJob, EnqueueResult>;
  private readonly completions: WriteBatcher<string, void>;

  constructor(options: EmbeddedQueueOptions) {
    this.store = new JobStore(options.db);
    this.tuning = {
      concurrency: options.concurrency ?? DEFAULT_TUNING.concurrency,
      maxAttempts: options.maxAttempts ?? DEFAULT_TUNING.maxAttempts,
      leaseMs: options.leaseMs ?? DEFAULT_TUNING.leaseMs,
      backoff: options.backoff ?? DEFAULT_TUNING.backoff,
      stopDeadlineMs: options.stopDeadlineMs ?? DEFAULT_TUNING.stopDeadlineMs,
    };
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.claimWindowMs = options.claimWindowMs ?? 5;
    this.retentionMs = options.retentionMs ?? 24 * 60 * 60_000;
    this.log = (options.log ?? pino({ name: 'mailward' })).child({ component: 'queue', driver: 'embedded', workerId: this.workerId });
    this.runner = new JobRunner(this.tuning, this.log, () => this.wake());
    this.enqueues = new WriteBatcher((jobs) => this.store.enqueueMany(jobs, this.retentionMs));
    this.completions = new WriteBatcher<string, void>(async (ids) => {
      await this.store.completeMany(ids, this.workerId);
      return ids.map(() => undefined);
    });
  }

  async enqueue<T extends JobType>(type: T, payload: JobPayloads[T], options: EnqueueOptions): Promise<EnqueueResult> {
    const partitionKey = options.partitionKey ?? partitionKeyOf(payload);
    const result = await this.enqueues.add({
      type,
      payload,
      idempotencyKey: options.idempotencyKey,
      partitionKey,
      maxAttempts: this.tuning.maxAttempts,
    });
    if (result.created) this.wake();
    return result;
  }

  handle<T extends JobType>(type: T, handler: JobHandler<T>): void {
    this.runner.register(type, handler);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.every(this.pollIntervalMs, () => this.wake());
    this.every(Math.min(this.retentionMs, 10 * 60_000), () => {
      this.store
        .purgeDone(this.retentionMs)
        .catch((error: unknown) => this.log.warn({ err: errorMessage(error) }, 'purge of finished jobs failed'));
    });
    this.wake();
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.stopping = true;
    if (this.claimTimer) clearTimeout(this.claimTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.pumpDone; // a claim in progress hands its job back before we wait for the rest
    await this.runner.drain(options.deadlineMs ?? this.tuning.stopDeadlineMs);
  }

  listDead(options: { limit?: number } = {}): Promise<DeadJob[]> {
    return this.store.listDead(options.limit ?? 100);
  }

  async retryDead(jobId: string): Promise<boolean> {
    const retried = await this.store.retryDead(jobId);
    if (retried) this.wake();
    return retried;
  }

  /** Claim jobs until the slots are full or nothing is due; coalesces concurrent wake-ups. */
  private wake(): void {
    if (!this.started || this.stopping || this.claimTimer) return;
    if (this.claimWindowMs <= 0) {
      this.pumpNow();
      return;
    }
    this.claimTimer = setTimeout(() => {
      this.claimTimer = null;
      this.pumpNow();
    }, this.claimWindowMs);
  }

  private pumpNow(): void {
    if (!this.started || this.stopping) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    this.pumpDone = this.pump()
      .catch((error: unknown) => this.log.error({ err: errorMessage(error) }, 'claiming jobs failed'))
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wake();
        }
      });
  }

  /** Fills every free slot, claiming them all in one statement per round. */
  private async pump(): Promise<void> {
    const types = this.runner.handledTypes();
    while (!this.stopping && this.runner.hasRoom()) {
      const wanted = this.runner.freeSlots();
      const jobs = await this.store.claimMany(this.workerId, types, this.tuning.leaseMs, wanted);
      if (jobs.length === 0) return;
      if (this.stopping) {
        for (const job of jobs) await this.store.release(job.id, this.workerId);
        return;
      }
      for (const job of jobs) this.runJob(job);
      // Fewer than asked for: nothing else is due; the next enqueue or finished job wakes us.
      if (jobs.length < wanted) return;
    }
  }

  private runJob(job: ClaimedJob): void {
    const { store, workerId, tuning } = this;
    void this.runner.run(
      {
        jobId: job.id,
        type: job.type,
        payload: job.payload,
        idempotencyKey: job.idempotency_key,
        partitionKey: job.partition_key,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
      },
      {
        renew: () => store.renew(job.id, workerId, tuning.leaseMs),
        succeed: () => this.completions.add(job.id),
        retryLater: async (error, delayMs) => {
          await store.retryLater(job.id, workerId, error, delayMs);
          this.after(delayMs, () => this.wake());
        },
        bury: (error) => store.bury(job.id, workerId, error),
        release: () => store.release(job.id, workerId),
      },
    );
  }

  private every(intervalMs: number, action: () => void): void {
    const timer = setInterval(action, intervalMs);
    timer.unref();
    this.timers.add(timer);
  }

  private after(delayMs: number, action: () => void): void {
    if (this.stopping) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, delayMs + 5);
    timer.unref();
    this.timers.add(timer);
  }
}
