import type { DetectorError, MessageSummary, ScanReport } from '../core/report.ts';
import type { ScoredSignal, VerdictClass } from '../core/verdict.ts';
import type { Queryable } from './db.ts';
import { isForeignKeyViolation, StorageError } from './errors.ts';
import { isoOrNull, isUuid, json, toDate } from './rows.ts';
import { withTransaction } from './transaction.ts';

export interface StoredScanReport {
  id: string;
  tenantId: string;
  messageId: string;
  report: ScanReport;
  createdAt: Date;
}

interface ReportRow {
  id: string;
  tenant_id: string;
  message_id: string;
  verdict_class: VerdictClass;
  score: number;
  reasons: string[];
  engine_version: string;
  signals: ScoredSignal[];
  errors: DetectorError[];
  unscannable_code: string | null;
  unscannable_reason: string | null;
  summary: MessageSummary;
  timings: ScanReport['timings_ms'];
  scanned_at: Date | string;
  created_at: Date | string;
}

export const REPORT_COLUMNS = `r.id, r.tenant_id, r.message_id, r.verdict_class, r.score, r.reasons, r.engine_version, r.signals,
  r.errors, r.unscannable_code, r.unscannable_reason, r.summary, r.timings, r.scanned_at, r.created_at`;

export function toStoredReport(row: ReportRow): StoredScanReport {
  const report: ScanReport = {
    engineVersion: row.engine_version,
    scannedAt: toDate(row.scanned_at).toISOString(),
    verdict: { class: row.verdict_class, score: row.score, reasons: row.reasons },
    signals: row.signals,
    errors: row.errors,
    message: row.summary,
    timings_ms: row.timings,
  };
  if (row.unscannable_code !== null) report.unscannable = { code: row.unscannable_code, reason: row.unscannable_reason ?? '' };
  return { id: row.id, tenantId: row.tenant_id, messageId: row.message_id, report, createdAt: toDate(row.created_at) };
}

/** Scan reports, every scan kept; the message row carries the latest verdict for lists. */
export class ScanReportsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async save(tenantId: string, messageId: string, report: ScanReport): Promise<StoredScanReport> {
    if (!isUuid(messageId)) throw new StorageError('STORAGE_NOT_FOUND', 'message not found');
    return withTransaction(this.#db, async (tx) => {
      let rows: ReportRow[];
      try {
        ({ rows } = await tx.query<ReportRow>(
          `INSERT INTO scan_reports AS r (tenant_id, message_id, verdict_class, score, reasons, engine_version, signals, errors,
             unscannable_code, unscannable_reason, summary, timings, scanned_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8::jsonb, $9, $10, $11::jsonb, $12::jsonb, $13::timestamptz)
           RETURNING ${REPORT_COLUMNS}`,
          reportParams(tenantId, messageId, report),
        ));
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new StorageError('STORAGE_NOT_FOUND', 'message not found', { cause: error });
        throw error;
      }
      // A rescan finishing before an older scan must not be overwritten by it: newest scan wins.
      await tx.query(
        `UPDATE messages SET verdict_class = $3, verdict_score = $4, scanned_at = $5::timestamptz
         WHERE tenant_id = $1 AND id = $2 AND (scanned_at IS NULL OR scanned_at <= $5::timestamptz)`,
        [tenantId, messageId, report.verdict.class, report.verdict.score, isoOrNull(report.scannedAt)],
      );
      return toStoredReport(rows[0]);
    });
  }

  /**
   * Saves the report of a message's first scan unless one exists, in one statement (one round
   * trip on the embedded database): the message row is locked, so a second delivery of the same
   * scan waits for the first and then sees its `scanned_at`. Returns the report saved (created)
   * or the one found, or null when the message is gone.
   */
  async saveFirst(tenantId: string, messageId: string, report: ScanReport): Promise<{ report: StoredScanReport; created: boolean } | null> {
    if (!isUuid(messageId)) return null;
    const { rows } = await this.#db.query<ReportRow & { found: boolean }>(
      `WITH target AS (
         SELECT id, scanned_at FROM messages WHERE tenant_id = $1 AND id = $2 FOR UPDATE
       ), inserted AS (
         INSERT INTO scan_reports AS r (tenant_id, message_id, verdict_class, score, reasons, engine_version, signals, errors,
           unscannable_code, unscannable_reason, summary, timings, scanned_at)
         SELECT $1, target.id, $3, $4, $5::jsonb, $6, $7::jsonb, $8::jsonb, $9, $10, $11::jsonb, $12::jsonb, $13::timestamptz
         FROM target WHERE target.scanned_at IS NULL
         RETURNING ${REPORT_COLUMNS}
       ), verdict AS (
         UPDATE messages m SET verdict_class = $3, verdict_score = $4, scanned_at = $13::timestamptz
         FROM inserted WHERE m.tenant_id = $1 AND m.id = inserted.message_id
       )
       SELECT EXISTS (SELECT 1 FROM target) AS found, inserted.* FROM (SELECT 1) AS one LEFT JOIN inserted ON true`,
      reportParams(tenantId, messageId, report),
    );
    const row = rows[0];
    if (!row?.found) return null;
    if (row.id !== null) return { report: toStoredReport(row), created: true };
    const earlier = await this.latest(tenantId, messageId);
    if (earlier) return { report: earlier, created: false };
    // Scanned, yet its reports are gone (a rescan raced a deletion): save this one.
    return { report: await this.save(tenantId, messageId, report), created: true };
  }

  async latest(tenantId: string, messageId: string): Promise<StoredScanReport | null> {
    if (!isUuid(messageId)) return null;
    const { rows } = await this.#db.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM scan_reports r WHERE r.tenant_id = $1 AND r.message_id = $2
       ORDER BY r.scanned_at DESC, r.created_at DESC LIMIT 1`,
      [tenantId, messageId],
    );
    return rows[0] ? toStoredReport(rows[0]) : null;
  }

  /** Every scan of a message, newest first (rescans after a rule update add rows). */
  async listForMessage(tenantId: string, messageId: string): Promise<StoredScanReport[]> {
    if (!isUuid(messageId)) return [];
    const { rows } = await this.#db.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM scan_reports r WHERE r.tenant_id = $1 AND r.message_id = $2
       ORDER BY r.scanned_at DESC, r.created_at DESC`,
      [tenantId, messageId],
    );
    return rows.map(toStoredReport);
  }
}

/** $1..$13 of both report inserts (`save` and `saveFirst`), in their column order. */
function reportParams(tenantId: string, messageId: string, report: ScanReport): unknown[] {
  return [
    tenantId,
    messageId,
    report.verdict.class,
    report.verdict.score,
    json(report.verdict.reasons),
    report.engineVersion,
    json(report.signals),
    json(report.errors),
    report.unscannable?.code ?? null,
    report.unscannable?.reason ?? null,
    json(report.message),
    json(report.timings_ms),
    isoOrNull(report.scannedAt),
  ];
}
