import type { Page, PageRequest } from './cursor.ts';
import type { Queryable } from './db.ts';
import { isForeignKeyViolation, StorageError } from './errors.ts';
import { countByVerdictPerDay, listMessages, type MessageFilter, type VerdictDayCount } from './message-list.ts';
import { MESSAGE_COLUMNS, type MessageRow, type StoredMessage, toStoredMessage } from './message-rows.ts';
import { gzipRaw, sha256Hex } from './raw-mime.ts';
import { isoOrNull, isUuid } from './rows.ts';
import { REPORT_COLUMNS, type StoredScanReport, toStoredReport } from './scan-reports.ts';

export interface NewMessage {
  mailboxId: string;
  /** The provider's own id (Graph id, Gmail id, IMAP UIDVALIDITY:UID, journal queue id). */
  providerMessageId: string;
  messageIdHeader?: string | null;
  from: string;
  fromName?: string;
  to: string[];
  subject: string;
  sentAt?: Date | null;
  /** When the provider delivered it; defaults to now. */
  receivedAt?: Date;
  /** The whole message as received. Its size and SHA-256 are computed here, not trusted from input. */
  raw: Uint8Array;
}

export interface IngestResult {
  message: StoredMessage;
  /** False when this (mailbox, provider message id) was already stored: ingesting twice is harmless. */
  created: boolean;
}

/** Messages and their raw bytes: ingest, fetch, list. */
export class MessagesRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /**
   * Stores the raw bytes (once per tenant and hash) and the message row in one statement: on the
   * embedded database every round trip counts, and one statement is atomic without a transaction.
   * The foreign key from the message to its bytes is checked at the end of the statement, after
   * both inserts.
   */
  async ingest(tenantId: string, input: NewMessage): Promise<IngestResult> {
    if (!isUuid(input.mailboxId)) throw new StorageError('STORAGE_NOT_FOUND', 'mailbox not found');
    const compressed = await gzipRaw(input.raw);
    let rows: Array<MessageRow & { created: boolean }>;
    try {
      ({ rows } = await this.#db.query<MessageRow & { created: boolean }>(
        `WITH raw AS (
           INSERT INTO raw_messages (tenant_id, sha256, size_bytes, compression, content) VALUES ($1, $12, $11, 'gzip', decode($13::text, 'hex'))
           ON CONFLICT (tenant_id, sha256) DO NOTHING
         ), inserted AS (
           INSERT INTO messages AS m (tenant_id, mailbox_id, provider_message_id, message_id_header, from_address, from_name,
             to_addresses, subject, sent_at, received_at, size_bytes, sha256)
           VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9::timestamptz, COALESCE($10::timestamptz, now()), $11, $12)
           ON CONFLICT (tenant_id, mailbox_id, provider_message_id) DO NOTHING
           RETURNING ${MESSAGE_COLUMNS}
         )
         SELECT true AS created, inserted.* FROM inserted
         UNION ALL
         SELECT false AS created, ${MESSAGE_COLUMNS} FROM messages m
         WHERE m.tenant_id = $1 AND m.mailbox_id = $2 AND m.provider_message_id = $3`,
        [
          tenantId,
          input.mailboxId,
          input.providerMessageId,
          input.messageIdHeader ?? null,
          input.from.trim().toLowerCase(),
          input.fromName ?? '',
          input.to.map((address) => address.trim().toLowerCase()),
          input.subject,
          isoOrNull(input.sentAt),
          isoOrNull(input.receivedAt),
          input.raw.byteLength,
          sha256Hex(input.raw),
          // As hex text: PGlite turns a bytea parameter into hex one byte at a time in JavaScript.
          compressed.toString('hex'),
        ],
      ));
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new StorageError('STORAGE_NOT_FOUND', 'mailbox not found', { cause: error });
      throw error;
    }
    const row = rows.find((r) => r.created) ?? rows[0];
    if (row) return { message: toStoredMessage(row), created: row.created };
    // Another writer stored it after this statement's snapshot was taken: read it now.
    const winner = await findByProviderId(this.#db, tenantId, input.mailboxId, input.providerMessageId);
    if (!winner) throw new StorageError('STORAGE_NOT_FOUND', 'message neither stored nor found');
    return { message: winner, created: false };
  }

  async get(tenantId: string, messageId: string): Promise<StoredMessage | null> {
    if (!isUuid(messageId)) return null;
    const { rows } = await this.#db.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.tenant_id = $1 AND m.id = $2`, [
      tenantId,
      messageId,
    ]);
    return rows[0] ? toStoredMessage(rows[0]) : null;
  }

  /** One message with its newest scan report, in one round trip (the message page). */
  async getWithLatestReport(
    tenantId: string,
    messageId: string,
  ): Promise<{ message: StoredMessage; report: StoredScanReport | null } | null> {
    if (!isUuid(messageId)) return null;
    const { rows } = await this.#db.query<MessageRow & { report: Record<string, unknown> | null }>(
      `SELECT ${MESSAGE_COLUMNS},
         (SELECT to_jsonb(latest) FROM (
            SELECT ${REPORT_COLUMNS} FROM scan_reports r WHERE r.tenant_id = m.tenant_id AND r.message_id = m.id
            ORDER BY r.scanned_at DESC, r.created_at DESC LIMIT 1) latest) AS report
       FROM messages m WHERE m.tenant_id = $1 AND m.id = $2`,
      [tenantId, messageId],
    );
    if (!rows[0]) return null;
    const report = rows[0].report;
    return { message: toStoredMessage(rows[0]), report: report ? toStoredReport(report as never) : null };
  }

  async findByProviderId(tenantId: string, mailboxId: string, providerMessageId: string): Promise<StoredMessage | null> {
    return isUuid(mailboxId) ? findByProviderId(this.#db, tenantId, mailboxId, providerMessageId) : null;
  }

  /** Messages carrying this Message-ID header (one per mailbox that received it). */
  async findByMessageIdHeader(tenantId: string, messageIdHeader: string): Promise<StoredMessage[]> {
    const { rows } = await this.#db.query<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.tenant_id = $1 AND m.message_id_header = $2 ORDER BY m.received_at, m.id`,
      [tenantId, messageIdHeader],
    );
    return rows.map(toStoredMessage);
  }

  list(tenantId: string, filter: MessageFilter = {}, page: PageRequest = {}): Promise<Page<StoredMessage>> {
    return listMessages(this.#db, tenantId, filter, page);
  }

  countByVerdictPerDay(tenantId: string, range: { since: Date; until: Date }): Promise<VerdictDayCount[]> {
    return countByVerdictPerDay(this.#db, tenantId, range);
  }
}

async function findByProviderId(
  db: Queryable,
  tenantId: string,
  mailboxId: string,
  providerMessageId: string,
): Promise<StoredMessage | null> {
  const { rows } = await db.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.tenant_id = $1 AND m.mailbox_id = $2 AND m.provider_message_id = $3`,
    [tenantId, mailboxId, providerMessageId],
  );
  return rows[0] ? toStoredMessage(rows[0]) : null;
}
