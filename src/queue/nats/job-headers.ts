import { headers, type MsgHdrs } from '@nats-io/transport-node';

/** Header names carried by job and dead-letter messages. Payloads never go into headers. */
export const JobHeader = {
  type: 'Mailward-Job-Type',
  partitionKey: 'Mailward-Partition-Key',
  idempotencyKey: 'Mailward-Idempotency-Key',
  jobId: 'Mailward-Job-Id',
  attempts: 'Mailward-Attempts',
  error: 'Mailward-Error',
} as const;

export function jobHeaders(fields: Partial<Record<keyof typeof JobHeader, string>>): MsgHdrs {
  const result = headers();
  for (const [field, value] of Object.entries(fields)) {
    // Header values are single lines; an error message may not be.
    if (value !== undefined) result.set(JobHeader[field as keyof typeof JobHeader], value.replace(/[\r\n]+/g, ' ').slice(0, 1_000));
  }
  return result;
}

export function readHeader(source: MsgHdrs | undefined, field: keyof typeof JobHeader): string {
  return source?.get(JobHeader[field]) ?? '';
}
