import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { DeadJob } from '../job-queue.ts';
import { isJobType } from '../jobs.ts';
import { jobHeaders, readHeader } from './job-headers.ts';
import { bucketOf, jobSubject, type NatsTopology } from './topology.ts';

/** Newest first. The dead-letter job id is the message's sequence in the dead-letter stream. */
export async function listDeadLetters(jsm: JetStreamManager, topology: NatsTopology, limit: number): Promise<DeadJob[]> {
  const info = await jsm.streams.info(topology.deadStream);
  const found: DeadJob[] = [];
  for (let seq = info.state.last_seq; seq >= info.state.first_seq && seq > 0 && found.length < limit; seq--) {
    const stored = await jsm.streams.getMessage(topology.deadStream, { seq }).catch(() => null);
    if (!stored) continue; // deleted after a retry
    const type = readHeader(stored.header, 'type');
    if (!isJobType(type)) continue;
    found.push({
      jobId: String(stored.seq),
      type,
      payload: stored.json(),
      idempotencyKey: readHeader(stored.header, 'idempotencyKey'),
      partitionKey: readHeader(stored.header, 'partitionKey'),
      attempts: Number(readHeader(stored.header, 'attempts')) || 0,
      lastError: readHeader(stored.header, 'error') || null,
      diedAt: stored.time,
    });
  }
  return found;
}

/**
 * Republish a dead job to its bucket with a fresh delivery count, then drop the dead letter.
 * The message id differs from the idempotency key on purpose: the original id may still be in
 * the de-duplication window, which would swallow the retry.
 */
export async function retryDeadLetter(js: JetStreamClient, jsm: JetStreamManager, topology: NatsTopology, jobId: string): Promise<boolean> {
  const seq = Number(jobId);
  if (!Number.isSafeInteger(seq) || seq <= 0) return false;
  const stored = await jsm.streams.getMessage(topology.deadStream, { seq }).catch(() => null);
  if (!stored) return false;
  const type = readHeader(stored.header, 'type');
  const partitionKey = readHeader(stored.header, 'partitionKey');
  if (!isJobType(type)) return false;
  const idempotencyKey = readHeader(stored.header, 'idempotencyKey');
  await js.publish(jobSubject(topology, type, bucketOf(partitionKey, topology.buckets)), stored.data, {
    headers: jobHeaders({ type, partitionKey, idempotencyKey }),
    msgID: `${idempotencyKey}#retry-${seq}`,
  });
  await jsm.streams.deleteMessage(topology.deadStream, seq);
  return true;
}
