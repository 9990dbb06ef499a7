import type { Logger } from 'pino';
import type { Db } from '../storage/db.ts';
import { EmbeddedJobQueue } from './embedded/embedded-queue.ts';
import type { JobQueue, QueueTuning } from './job-queue.ts';
import { NatsJobQueue } from './nats/nats-queue.ts';

export interface OpenQueueSettings extends Partial<QueueTuning> {
  /** The storage the embedded driver keeps its jobs in. */
  db: Db;
  /** `NATS_URL`: when set, jobs go through NATS JetStream instead of the database. */
  natsUrl?: string;
  log?: Logger;
}

/** Picks the driver: NATS JetStream when a URL is configured, otherwise the embedded queue. */
export function openJobQueue(settings: OpenQueueSettings): JobQueue {
  const { db, natsUrl, ...rest } = settings;
  if (natsUrl) return new NatsJobQueue({ ...rest, servers: natsUrl });
  return new EmbeddedJobQueue({ ...rest, db });
}
