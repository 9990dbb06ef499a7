import pino from 'pino';
import { EmbeddedJobQueue } from '../../../src/queue/embedded/embedded-queue.ts';
import type { JobHandler, JobQueue } from '../../../src/queue/job-queue.ts';
import { NatsJobQueue } from '../../../src/queue/nats/nats-queue.ts';
import type { NatsTopology } from '../../../src/queue/nats/topology.ts';
import { TEST_TUNING } from '../../../src/queue/testing/queue-world.ts';
import type { Db, Queryable } from '../../../src/storage/db.ts';
import { NATS_URL } from './nats-world.ts';

/** How the parent test tells a worker process which queue to join (JSON in QUEUE_TEST_SETTINGS). */
export type WorkerSettings = { driver: 'embedded' } | { driver: 'nats'; topology: NatsTopology };

export function openWorkerQueue(settings: WorkerSettings, db: Db): JobQueue {
  const log = pino({ level: 'silent' });
  if (settings.driver === 'embedded') return new EmbeddedJobQueue({ ...TEST_TUNING, db, pollIntervalMs: 50, log });
  const { topology } = settings;
  return new NatsJobQueue({
    ...TEST_TUNING,
    servers: NATS_URL,
    streamName: topology.jobsStream,
    subjectPrefix: topology.subjectPrefix,
    buckets: topology.buckets,
    pullExpiresMs: 2_000,
    log,
  });
}

export async function createEffectTables(db: Queryable): Promise<void> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS queue_test_deliveries (id serial PRIMARY KEY, idempotency_key text NOT NULL, attempt int NOT NULL, pid int NOT NULL)',
  );
  await db.query(
    'CREATE TABLE IF NOT EXISTS queue_test_effects (idempotency_key text PRIMARY KEY, message_id text NOT NULL, action text NOT NULL)',
  );
}

/**
 * A handler written the way production handlers must be: it records its effect under the job's
 * idempotency key, so a second delivery of the same job changes nothing. Every delivery is
 * logged separately so the test can see that the job did run twice.
 */
export function applyActionOnce(db: Queryable, afterEffect?: () => Promise<void>): JobHandler<'apply-action'> {
  return async (payload, context) => {
    await db.query('INSERT INTO queue_test_deliveries (idempotency_key, attempt, pid) VALUES ($1, $2, $3)', [
      context.idempotencyKey,
      context.attempt,
      process.pid,
    ]);
    await db.query(
      'INSERT INTO queue_test_effects (idempotency_key, message_id, action) VALUES ($1, $2, $3) ON CONFLICT (idempotency_key) DO NOTHING',
      [context.idempotencyKey, payload.messageId, payload.action],
    );
    await afterEffect?.();
  };
}
