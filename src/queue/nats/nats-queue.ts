import {
  type Consumer,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pino, { type Logger } from 'pino';
import { errorMessage } from '../../core/errors.ts';
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
import { JobRunner, type Settlement } from '../job-runner.ts';
import { isJobType, type JobPayloads, type JobType, partitionKeyOf } from '../jobs.ts';
import { listDeadLetters, retryDeadLetter } from './dead-letters.ts';
import { jobHeaders, readHeader } from './job-headers.ts';
import { bucketConsumerName, bucketOf, deadSubject, ensureTopology, jobSubject, type NatsTopology } from './topology.ts';

export interface NatsQueueOptions extends Partial<QueueTuning> {
  /** `NATS_URL`; ignored when `connection` is given. */
  servers?: string | string[];
  /** An open connection to share; the queue does not close it. */
  connection?: NatsConnection;
  streamName?: string;
  subjectPrefix?: string;
  /** Partition buckets: the most jobs the whole deployment runs at once. See topology.ts. */
  buckets?: number;
  /** How long JetStream remembers an idempotency key (the stream's duplicate_window). */
  dedupWindowMs?: number;
  deadLetterMaxAgeMs?: number;
  /** Long-poll length of one pull request. */
  pullExpiresMs?: number;
  log?: Logger;
}

interface Connected {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/** The scale-out driver: a JetStream work-queue stream shared by any number of worker processes. */
export class NatsJobQueue implements JobQueue {
  private readonly options: NatsQueueOptions;
  private readonly topology: NatsTopology;
  private readonly tuning: QueueTuning;
  private readonly runner: JobRunner;
  private readonly log: Logger;
  private connected: Promise<Connected> | undefined;
  private stopping = false;
  private readonly pullLoops: Promise<void>[] = [];
  private readonly openFetches = new Set<ConsumerMessages>();
  private roomWaiters: (() => void)[] = [];

  constructor(options: NatsQueueOptions) {
    this.options = options;
    const streamName = options.streamName ?? 'MAILWARD_JOBS';
    this.topology = {
      jobsStream: streamName,
      deadStream: `${streamName}_DEAD`,
      subjectPrefix: options.subjectPrefix ?? 'mailward',
      buckets: options.buckets ?? 16,
    };
    this.tuning = {
      concurrency: options.concurrency ?? DEFAULT_TUNING.concurrency,
      maxAttempts: options.maxAttempts ?? DEFAULT_TUNING.maxAttempts,
      leaseMs: options.leaseMs ?? DEFAULT_TUNING.leaseMs,
      backoff: options.backoff ?? DEFAULT_TUNING.backoff,
      stopDeadlineMs: options.stopDeadlineMs ?? DEFAULT_TUNING.stopDeadlineMs,
    };
    this.log = (options.log ?? pino({ name: 'mailward' })).child({ component: 'queue', driver: 'nats', stream: streamName });
    this.runner = new JobRunner(this.tuning, this.log, () => this.wakeRoomWaiters());
  }

  async enqueue<T extends JobType>(type: T, payload: JobPayloads[T], options: EnqueueOptions): Promise<EnqueueResult> {
    const { js } = await this.connection();
    const partitionKey = options.partitionKey ?? partitionKeyOf(payload);
    const ack = await js.publish(jobSubject(this.topology, type, bucketOf(partitionKey, this.topology.buckets)), JSON.stringify(payload), {
      msgID: options.idempotencyKey,
      headers: jobHeaders({ type, partitionKey, idempotencyKey: options.idempotencyKey }),
    });
    return { jobId: String(ack.seq), created: !ack.duplicate };
  }

  handle<T extends JobType>(type: T, handler: JobHandler<T>): void {
    this.runner.register(type, handler);
  }

  async start(): Promise<void> {
    const { js } = await this.connection();
    for (let bucket = 0; bucket < this.topology.buckets; bucket++) this.pullLoops.push(this.pullLoop(js, bucket));
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.stopping = true;
    this.wakeRoomWaiters();
    for (const fetch of this.openFetches) fetch.stop();
    await this.runner.drain(options.deadlineMs ?? this.tuning.stopDeadlineMs);
    await Promise.allSettled(this.pullLoops);
    const connected = await this.connected?.catch(() => undefined);
    if (connected && !this.options.connection) await connected.nc.drain().catch(() => connected.nc.close());
  }

  async listDead(options: { limit?: number } = {}): Promise<DeadJob[]> {
    const { jsm } = await this.connection();
    return listDeadLetters(jsm, this.topology, options.limit ?? 100);
  }

  async retryDead(jobId: string): Promise<boolean> {
    const { js, jsm } = await this.connection();
    return retryDeadLetter(js, jsm, this.topology, jobId);
  }

  private connection(): Promise<Connected> {
    this.connected ??= this.openConnection().catch((error: unknown) => {
      this.connected = undefined; // let the next call try again
      throw error;
    });
    return this.connected;
  }

  private async openConnection(): Promise<Connected> {
    const owned = !this.options.connection;
    const nc =
      this.options.connection ?? (await connect({ servers: this.options.servers ?? 'nats://127.0.0.1:4222', name: 'mailward-queue' }));
    try {
      const jsm = await jetstreamManager(nc);
      await ensureTopology(jsm, this.topology, {
        leaseMs: this.tuning.leaseMs,
        dedupWindowMs: this.options.dedupWindowMs ?? 2 * 60 * 60_000,
        deadLetterMaxAgeMs: this.options.deadLetterMaxAgeMs ?? 30 * 24 * 60 * 60_000,
      });
      return { nc, js: jetstream(nc), jsm };
    } catch (error) {
      if (owned) await nc.close();
      throw error;
    }
  }

  /**
   * One loop per bucket: pull one job when this worker has a free slot, run it, repeat. The
   * bucket's consumer lets one job out at a time, so awaiting it here costs no parallelism.
   */
  private async pullLoop(js: JetStreamClient, bucket: number): Promise<void> {
    let consumer: Consumer | undefined;
    while (!this.stopping) {
      await this.waitForRoom();
      if (this.stopping) return;
      try {
        consumer ??= await js.consumers.get(this.topology.jobsStream, bucketConsumerName(this.topology, bucket));
        const fetch = await consumer.fetch({ max_messages: 1, expires: this.options.pullExpiresMs ?? 5_000 });
        this.openFetches.add(fetch);
        try {
          for await (const msg of fetch) await this.take(msg);
        } finally {
          this.openFetches.delete(fetch);
        }
      } catch (error) {
        if (this.stopping) return;
        consumer = undefined;
        this.log.warn({ bucket, err: errorMessage(error) }, 'pull failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** Several buckets may pull at once, so a job can arrive with no slot free: hold its lease until one is. */
  private async take(msg: JsMsg): Promise<void> {
    const heartbeat = setInterval(() => msg.working(), Math.max(50, Math.floor(this.tuning.leaseMs / 3)));
    // Re-checked with no await between the check and `run`, so two buckets cannot take one slot.
    do await this.waitForRoom();
    while (!this.stopping && !this.runner.hasRoom());
    clearInterval(heartbeat);
    if (this.stopping) {
      msg.nak(); // never started: hand it straight to another worker
      return;
    }
    const type = readHeader(msg.headers, 'type');
    const payload = parseJson(msg);
    if (!isJobType(type) || payload === undefined) {
      // Not something this code ever published: retrying cannot help.
      this.log.error({ jobId: String(msg.seq) }, 'unreadable job message; terminating it');
      msg.term();
      return;
    }
    await this.runner.run(
      {
        jobId: String(msg.seq),
        type,
        payload,
        idempotencyKey: readHeader(msg.headers, 'idempotencyKey'),
        partitionKey: readHeader(msg.headers, 'partitionKey'),
        attempt: msg.info.deliveryCount,
        maxAttempts: this.tuning.maxAttempts,
      },
      this.settlement(msg, type),
    );
  }

  private settlement(msg: JsMsg, type: JobType): Settlement {
    return {
      // JetStream does not say whether the lease is still ours; a late ack is harmless.
      renew: async () => {
        msg.working();
        return true;
      },
      succeed: async () => {
        await msg.ackAck();
      },
      // The nak'ed job stays pending on its bucket's consumer until redelivered, so it keeps its place.
      retryLater: async (_error, delayMs) => msg.nak(delayMs),
      bury: async (error) => {
        const { js } = await this.connection();
        await js.publish(deadSubject(this.topology, type), msg.data, {
          msgID: `dead:${this.topology.jobsStream}:${msg.seq}`,
          headers: jobHeaders({
            type,
            partitionKey: readHeader(msg.headers, 'partitionKey'),
            idempotencyKey: readHeader(msg.headers, 'idempotencyKey'),
            jobId: String(msg.seq),
            attempts: String(msg.info.deliveryCount),
            error,
          }),
        });
        await msg.ackAck();
      },
      release: async () => msg.nak(),
    };
  }

  private waitForRoom(): Promise<void> {
    if (this.stopping || this.runner.hasRoom()) return Promise.resolve();
    return new Promise<void>((resolve) => this.roomWaiters.push(resolve)).then(() => this.waitForRoom());
  }

  private wakeRoomWaiters(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const wake of waiters) wake();
  }
}

function parseJson(msg: JsMsg): unknown {
  try {
    return msg.json();
  } catch {
    return undefined;
  }
}
