import type { VerdictClass } from '../core/verdict.ts';
import { toDate, toDateOrNull } from './rows.ts';

/** A stored message's facts, without its body (the raw bytes live in raw_messages). */
export interface StoredMessage {
  id: string;
  tenantId: string;
  mailboxId: string;
  providerMessageId: string;
  /** The Message-ID header, when the message had one. */
  messageIdHeader: string | null;
  from: string;
  fromName: string;
  to: string[];
  subject: string;
  /** The Date header. */
  sentAt: Date | null;
  receivedAt: Date;
  sizeBytes: number;
  sha256: string;
  /** The latest scan's verdict; null until the message has been scanned. */
  verdict: { class: VerdictClass; score: number; scannedAt: Date } | null;
  createdAt: Date;
}

export interface MessageRow {
  id: string;
  tenant_id: string;
  mailbox_id: string;
  provider_message_id: string;
  message_id_header: string | null;
  from_address: string;
  from_name: string;
  to_addresses: string[];
  subject: string;
  sent_at: Date | string | null;
  received_at: Date | string;
  size_bytes: number;
  sha256: string;
  verdict_class: VerdictClass | null;
  verdict_score: number | null;
  scanned_at: Date | string | null;
  created_at: Date | string;
}

export const MESSAGE_COLUMNS = `m.id, m.tenant_id, m.mailbox_id, m.provider_message_id, m.message_id_header, m.from_address,
  m.from_name, m.to_addresses, m.subject, m.sent_at, m.received_at, m.size_bytes, m.sha256, m.verdict_class,
  m.verdict_score, m.scanned_at, m.created_at`;

export function toStoredMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    mailboxId: row.mailbox_id,
    providerMessageId: row.provider_message_id,
    messageIdHeader: row.message_id_header,
    from: row.from_address,
    fromName: row.from_name,
    to: row.to_addresses ?? [],
    subject: row.subject,
    sentAt: toDateOrNull(row.sent_at),
    receivedAt: toDate(row.received_at),
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    verdict:
      row.verdict_class === null ? null : { class: row.verdict_class, score: Number(row.verdict_score), scannedAt: toDate(row.scanned_at) },
    createdAt: toDate(row.created_at),
  };
}
