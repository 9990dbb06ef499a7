import { idempotencyKeys, partitionKeyOf, type ScanMessagePayload } from '../queue/jobs.ts';
import type { ServiceDeps } from './deps.ts';

/**
 * The first scan of a message uses the catalogue's key (`scan:tenant:mailbox:message`): the scan
 * worker saves at most one report under it, however often the job is delivered. A rescan (rules
 * changed, an analyst asked) gets a fresh key and always adds a report.
 */
export function isFirstScanKey(payload: ScanMessagePayload, idempotencyKey: string): boolean {
  return idempotencyKey === idempotencyKeys.scan(payload);
}

/**
 * Which jobs run in order. A connector mailbox is one partition (its messages in order, one
 * writer for its behaviour profile). The journal pseudo-mailbox holds a whole tenant's mail, so it
 * is split by recipient: each recipient's mail stays in order while recipients scan in parallel.
 */
export function scanPartitionKey(payload: ScanMessagePayload, options: { recipient?: string; pseudoMailbox?: boolean } = {}): string {
  const base = partitionKeyOf(payload);
  return options.pseudoMailbox ? `${base}:${(options.recipient ?? '').toLowerCase()}` : base;
}

export async function enqueueScan(
  deps: Pick<ServiceDeps, 'queue'>,
  payload: ScanMessagePayload,
  options: { recipient?: string; pseudoMailbox?: boolean } = {},
): Promise<{ jobId: string; created: boolean }> {
  return deps.queue.enqueue('scan-message', payload, {
    idempotencyKey: idempotencyKeys.scan(payload),
    partitionKey: scanPartitionKey(payload, options),
  });
}

/** Scans a stored message again (after a rules change or on an analyst's request); adds a new report. */
export async function enqueueRescan(
  deps: Pick<ServiceDeps, 'queue' | 'clock'>,
  payload: ScanMessagePayload,
): Promise<{ jobId: string; created: boolean }> {
  return deps.queue.enqueue('scan-message', payload, {
    idempotencyKey: `re${idempotencyKeys.scan(payload)}:${deps.clock().getTime()}`,
    partitionKey: partitionKeyOf(payload),
  });
}
