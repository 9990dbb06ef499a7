import { AckPolicy, type ConsumerConfig, DeliverPolicy, type JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

/**
 * Streams, subjects and consumers of the NATS JetStream driver.
 *
 * Ordering per partition: a partition key (tenant:mailbox) is hashed into one of `buckets`
 * buckets; a job is published on `<prefix>.jobs.<type>.<bucket>`. Each bucket has one durable
 * pull consumer (filter `<prefix>.jobs.*.<bucket>`, so all job types of a mailbox share it) with
 * `max_ack_pending: 1`: the server hands out the bucket's next job only after the previous one is
 * acked or dead-lettered, whichever worker pulls it. A failed job is nak'ed with a delay and stays
 * pending meanwhile, so it keeps its place. Every worker pulls from every bucket, so different
 * mailboxes run in parallel across workers, up to `buckets` jobs at once in the whole deployment;
 * mailboxes sharing a bucket wait for each other (more buckets, less of that). The bucket count
 * is part of the deployment: changing it while jobs are queued can reorder those jobs.
 *
 * De-duplication: the idempotency key is the `Nats-Msg-Id`; JetStream drops a second publish with
 * the same id within the stream's `duplicate_window`. Outside that window a duplicate is accepted,
 * which idempotent handlers absorb.
 *
 * Dead letters: after `maxAttempts` deliveries the worker republishes the job, with its error, to
 * `<prefix>.dead.<type>` in a separate limits-retention stream, and acks the original.
 */
export interface NatsTopology {
  jobsStream: string;
  deadStream: string;
  subjectPrefix: string;
  buckets: number;
}

export function jobSubject(topology: NatsTopology, type: string, bucket: number): string {
  return `${topology.subjectPrefix}.jobs.${type}.${bucket}`;
}

export function deadSubject(topology: NatsTopology, type: string): string {
  return `${topology.subjectPrefix}.dead.${type}`;
}

export function bucketConsumerName(topology: NatsTopology, bucket: number): string {
  return `${topology.jobsStream}_bucket_${bucket}`;
}

/** FNV-1a: stable across processes and releases, which `bucketOf` must be. */
export function bucketOf(partitionKey: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(partitionKey)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

export interface TopologySettings {
  leaseMs: number;
  dedupWindowMs: number;
  deadLetterMaxAgeMs: number;
}

/** Create what is missing; existing streams and consumers are left as they are. */
export async function ensureTopology(jsm: JetStreamManager, topology: NatsTopology, settings: TopologySettings): Promise<void> {
  await ensureStream(jsm, topology.jobsStream, {
    subjects: [`${topology.subjectPrefix}.jobs.>`],
    retention: RetentionPolicy.Workqueue,
    duplicate_window: nanos(settings.dedupWindowMs),
  });
  await ensureStream(jsm, topology.deadStream, {
    subjects: [`${topology.subjectPrefix}.dead.>`],
    retention: RetentionPolicy.Limits,
    max_age: nanos(settings.deadLetterMaxAgeMs),
    duplicate_window: nanos(Math.min(settings.dedupWindowMs, settings.deadLetterMaxAgeMs)),
  });
  for (let bucket = 0; bucket < topology.buckets; bucket++) {
    const config: Partial<ConsumerConfig> = {
      durable_name: bucketConsumerName(topology, bucket),
      filter_subject: `${topology.subjectPrefix}.jobs.*.${bucket}`,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(settings.leaseMs),
      deliver_policy: DeliverPolicy.All,
      max_ack_pending: 1,
      // Unlimited: the worker counts deliveries itself and dead-letters, so a job whose workers
      // all died on its last attempt is still dead-lettered instead of silently parked.
      max_deliver: -1,
    };
    const existing = await jsm.consumers.info(topology.jobsStream, bucketConsumerName(topology, bucket)).catch(() => null);
    if (!existing) await jsm.consumers.add(topology.jobsStream, config);
  }
}

async function ensureStream(
  jsm: JetStreamManager,
  name: string,
  config: { subjects: string[]; retention: RetentionPolicy; duplicate_window: number; max_age?: number },
): Promise<void> {
  const existing = await jsm.streams.info(name).catch(() => null);
  if (existing) return;
  await jsm.streams.add({ name, storage: StorageType.File, ...config });
}
