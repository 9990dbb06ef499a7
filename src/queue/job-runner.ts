import type { Logger } from 'pino';
import { errorMessage } from '../core/errors.ts';
import { backoffDelayMs } from './backoff.ts';
import type { JobContext, JobHandler, QueueTuning } from './job-queue.ts';
import type { JobType } from './jobs.ts';

/** One delivery of one job, as a driver hands it to the runner. */
export interface Delivery {
  jobId: string;
  type: JobType;
  payload: unknown;
  idempotencyKey: string;
  partitionKey: string;
  /** 1 on the first delivery. */
  attempt: number;
  maxAttempts: number;
}

/** How a driver records the outcome of a delivery. Each call is a no-op once the lease is lost. */
export interface Settlement {
  /** Renew the lease; false when another worker owns the job now. */
  renew(): Promise<boolean>;
  succeed(): Promise<void>;
  retryLater(error: string, delayMs: number): Promise<void>;
  bury(error: string): Promise<void>;
  /** Give the job back untouched, for another worker to run at once. */
  release(): Promise<void>;
}

interface Running {
  delivery: Delivery;
  settlement: Settlement;
  controller: AbortController;
  abandoned: boolean;
  done: Promise<void>;
  /** Resolves when the stop deadline gives the job up, even if its handler never returns. */
  givenUp: Promise<void>;
  giveUp: () => void;
}

/**
 * Runs handlers for a driver: lease renewal while a handler works, retry with backoff or dead
 * letter when it throws, and the stop deadline. Drivers only fetch deliveries and settle them.
 */
export class JobRunner {
  private readonly handlers = new Map<JobType, JobHandler<JobType>>();
  private readonly running = new Set<Running>();
  private readonly tuning: QueueTuning;
  private readonly log: Logger;
  private readonly onSlotFree: () => void;

  constructor(tuning: QueueTuning, log: Logger, onSlotFree: () => void) {
    this.tuning = tuning;
    this.log = log;
    this.onSlotFree = onSlotFree;
  }

  register<T extends JobType>(type: T, handler: JobHandler<T>): void {
    if (this.handlers.has(type)) throw new Error(`a handler for ${type} is already registered`);
    this.handlers.set(type, handler as unknown as JobHandler<JobType>);
  }

  handledTypes(): JobType[] {
    return [...this.handlers.keys()];
  }

  get inFlight(): number {
    return this.running.size;
  }

  hasRoom(): boolean {
    return this.running.size < this.tuning.concurrency;
  }

  freeSlots(): number {
    return Math.max(0, this.tuning.concurrency - this.running.size);
  }

  /**
   * Start the handler in the background. The returned promise resolves when the delivery is
   * settled, or when the stop deadline abandoned it.
   */
  run(delivery: Delivery, settlement: Settlement): Promise<void> {
    let giveUp = () => {};
    const givenUp = new Promise<void>((resolve) => {
      giveUp = resolve;
    });
    const entry: Running = {
      delivery,
      settlement,
      controller: new AbortController(),
      abandoned: false,
      done: Promise.resolve(),
      givenUp,
      giveUp,
    };
    this.running.add(entry);
    entry.done = this.execute(entry).finally(() => {
      this.running.delete(entry);
      this.onSlotFree();
    });
    return Promise.race([entry.done, entry.givenUp]);
  }

  /** Wait for running handlers until the deadline, then abandon the rest to other workers. */
  async drain(deadlineMs: number): Promise<void> {
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
    });
    const all = Promise.allSettled([...this.running].map((entry) => entry.done));
    const outcome = await Promise.race([all, deadline]);
    clearTimeout(timer);
    if (outcome !== 'deadline') return;
    await Promise.allSettled(
      [...this.running].map(async (entry) => {
        entry.abandoned = true;
        entry.controller.abort(new Error('worker stopping'));
        this.log.warn({ jobId: entry.delivery.jobId, type: entry.delivery.type }, 'job abandoned at stop deadline');
        await entry.settlement.release().catch((error: unknown) => this.log.warn({ err: errorMessage(error) }, 'release failed'));
        entry.giveUp();
      }),
    );
  }

  private async execute(entry: Running): Promise<void> {
    const { delivery, settlement, controller } = entry;
    const scope = { jobId: delivery.jobId, type: delivery.type, partitionKey: delivery.partitionKey, attempt: delivery.attempt };
    const handler = this.handlers.get(delivery.type);
    if (delivery.attempt > delivery.maxAttempts) {
      // Its workers kept dying mid-job (each lease expiry counts as an attempt): stop the loop.
      await this.settle(scope, () => settlement.bury('out of attempts: earlier deliveries never finished (worker died or lost its lease)'));
      this.log.error(scope, 'job dead: out of attempts after lost leases');
      return;
    }
    if (!handler) {
      // A worker deployed without this job type: back off, so a worker that has it can take the
      // job, and let a persistent misconfiguration end in the dead-letter list where it shows.
      await this.failed(entry, scope, `no handler for ${delivery.type} on this worker`);
      return;
    }
    const heartbeat = setInterval(
      () => {
        settlement.renew().then(
          (owned) => {
            if (!owned) controller.abort(new Error('lease lost'));
          },
          (error: unknown) => this.log.warn({ ...scope, err: errorMessage(error) }, 'lease renewal failed'),
        );
      },
      Math.max(50, Math.floor(this.tuning.leaseMs / 3)),
    );
    // Once the job is given up (lease lost, stop deadline) renewing it would only steal it back.
    controller.signal.addEventListener('abort', () => clearInterval(heartbeat), { once: true });
    const context: JobContext = {
      jobId: delivery.jobId,
      type: delivery.type,
      idempotencyKey: delivery.idempotencyKey,
      partitionKey: delivery.partitionKey,
      attempt: delivery.attempt,
      signal: controller.signal,
    };
    let outcome: { ok: true } | { ok: false; error: unknown };
    try {
      await handler(delivery.payload as never, context);
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(heartbeat);
    }
    if (entry.abandoned) return;
    if (outcome.ok) await this.settle(scope, () => settlement.succeed());
    else await this.failed(entry, scope, errorMessage(outcome.error));
  }

  private async failed(entry: Running, scope: object, message: string): Promise<void> {
    const { delivery, settlement } = entry;
    if (delivery.attempt >= delivery.maxAttempts) {
      this.log.error({ ...scope, err: message }, 'job dead: out of attempts');
      await this.settle(scope, () => settlement.bury(message));
    } else {
      const delayMs = backoffDelayMs(delivery.attempt, this.tuning.backoff);
      this.log.warn({ ...scope, err: message, retryInMs: delayMs }, 'job failed; will retry');
      await this.settle(scope, () => settlement.retryLater(message, delayMs));
    }
  }

  /** A settlement that fails (storage or broker down) is logged: the lease expiry re-delivers the job. */
  private async settle(scope: object, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.log.error({ ...scope, err: errorMessage(error) }, 'could not record job outcome; it will be re-delivered');
    }
  }
}
