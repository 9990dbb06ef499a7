import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pino from 'pino';
import { NatsJobQueue } from '../../../src/queue/nats/nats-queue.ts';
import { bucketConsumerName, bucketOf, type NatsTopology } from '../../../src/queue/nats/topology.ts';
import type { QueueWorld } from '../../../src/queue/testing/queue-world.ts';

export const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const BUCKETS = 8;

/** Stream and subject names with a random suffix; the streams are deleted when the world is disposed. */
export function uniqueTopology(): NatsTopology {
  const suffix = randomBytes(4).toString('hex');
  return { jobsStream: `MWTEST_${suffix}`, deadStream: `MWTEST_${suffix}_DEAD`, subjectPrefix: `mwtest_${suffix}`, buckets: BUCKETS };
}

export async function deleteTopology(topology: NatsTopology): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(topology.jobsStream).catch(() => false);
    await jsm.streams.delete(topology.deadStream).catch(() => false);
  } finally {
    await nc.close();
  }
}

export async function natsWorld(): Promise<QueueWorld> {
  const topology = uniqueTopology();
  const nc = await connect({ servers: NATS_URL });
  return {
    createQueue: (tuning) =>
      new NatsJobQueue({
        ...tuning,
        servers: NATS_URL,
        streamName: topology.jobsStream,
        subjectPrefix: topology.subjectPrefix,
        buckets: topology.buckets,
        pullExpiresMs: 2_000,
        log: pino({ level: 'silent' }),
      }),
    async claimAsDeadWorker(partitionKey) {
      const consumer = await jetstream(nc).consumers.get(
        topology.jobsStream,
        bucketConsumerName(topology, bucketOf(partitionKey, BUCKETS)),
      );
      // Pulled and never acked: the ack_wait lease runs out, as when a worker process dies.
      const message = await consumer.next({ expires: 5_000 });
      assert.ok(message, 'no job to claim');
    },
    async dispose() {
      await nc.close();
      await deleteTopology(topology);
    },
  };
}
