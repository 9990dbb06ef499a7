/**
 * The job catalogue: every job type, its payload, its partition and its idempotency key.
 *
 * Delivery is at-least-once on every driver: a job may run again after a crash, a lost lease or
 * a retry. "Exactly once in effect" is therefore the handler's job: a handler checks or records
 * its effect under the job's idempotency key in storage (for example an `INSERT ... ON CONFLICT
 * DO NOTHING` on an actions table) before it acts, so a second delivery finds the work done.
 */

/** Fetch one message from its provider and store it. */
export interface IngestMessagePayload {
  tenantId: string;
  mailboxId: string;
  providerMessageId: string;
}

/** Run the scan pipeline over a stored message. */
export interface ScanMessagePayload {
  tenantId: string;
  mailboxId: string;
  messageId: string;
}

export type MessageAction = 'quarantine' | 'junk' | 'banner' | 'rewrite-links' | 'neutralise-attachments' | 'restore' | 'delete';

/** Carry out one post-delivery action decided by a verdict or an analyst. */
export interface ApplyActionPayload {
  tenantId: string;
  mailboxId: string;
  messageId: string;
  action: MessageAction;
  reason: string;
}

export interface JobPayloads {
  'ingest-message': IngestMessagePayload;
  'scan-message': ScanMessagePayload;
  'apply-action': ApplyActionPayload;
}

export type JobType = keyof JobPayloads;

export const JOB_TYPES: readonly JobType[] = ['ingest-message', 'scan-message', 'apply-action'];

export function isJobType(value: string): value is JobType {
  return (JOB_TYPES as readonly string[]).includes(value);
}

/**
 * One mailbox is one partition: its jobs run one at a time and in order, so a behaviour profile
 * has one writer and an action never overtakes the scan that decided it.
 */
export function partitionKeyOf(payload: { tenantId: string; mailboxId: string }): string {
  return `${payload.tenantId}:${payload.mailboxId}`;
}

/** Idempotency keys: the same provider event always yields the same key, so enqueueing twice is harmless. */
export const idempotencyKeys = {
  ingest: (p: IngestMessagePayload): string => `ingest:${p.tenantId}:${p.mailboxId}:${p.providerMessageId}`,
  scan: (p: ScanMessagePayload): string => `scan:${p.tenantId}:${p.mailboxId}:${p.messageId}`,
  action: (p: ApplyActionPayload): string => `action:${p.tenantId}:${p.mailboxId}:${p.messageId}:${p.action}`,
};
