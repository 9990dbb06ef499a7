import type { Queryable } from './db.ts';
import { isUuid } from './rows.ts';

export type ReportChannel = 'api' | 'mailbox';
export type ReportMatch = 'id' | 'message-id' | 'sender-subject-body' | 'none';
export type ReplyStatus = 'none' | 'sent' | 'failed';

export interface NewUserReport {
  channel: ReportChannel;
  reporter: string;
  messageId: string | null;
  reportedSha256: string;
  matchedBy: ReportMatch;
  verdictClass: string;
  verdictScore: number;
}

export interface UserReport extends NewUserReport {
  id: string;
  tenantId: string;
  replyText: string;
  replyStatus: ReplyStatus;
  replyError: string;
  createdAt: Date;
}

interface ReportRow {
  id: string;
  tenant_id: string;
  channel: ReportChannel;
  reporter: string;
  message_id: string | null;
  reported_sha256: string;
  matched_by: ReportMatch;
  verdict_class: string;
  verdict_score: number;
  reply_text: string;
  reply_status: ReplyStatus;
  reply_error: string;
  created_at: Date | string;
}

function toReport(row: ReportRow): UserReport {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    channel: row.channel,
    reporter: row.reporter,
    messageId: row.message_id,
    reportedSha256: row.reported_sha256,
    matchedBy: row.matched_by,
    verdictClass: row.verdict_class,
    verdictScore: Number(row.verdict_score),
    replyText: row.reply_text,
    replyStatus: row.reply_status,
    replyError: row.reply_error,
    createdAt: new Date(row.created_at),
  };
}

/** Messages users reported as phishing, with the automatic triage and the answer they got. */
export class UserReportsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async record(tenantId: string, input: NewUserReport): Promise<UserReport> {
    const { rows } = await this.#db.query<ReportRow>(
      `INSERT INTO user_reports (tenant_id, channel, reporter, message_id, reported_sha256, matched_by, verdict_class, verdict_score)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        tenantId,
        input.channel,
        input.reporter,
        input.messageId,
        input.reportedSha256,
        input.matchedBy,
        input.verdictClass,
        input.verdictScore,
      ],
    );
    return toReport(rows[0]);
  }

  async recordReply(tenantId: string, reportId: string, reply: { text: string; status: ReplyStatus; error?: string }): Promise<void> {
    await this.#db.query('UPDATE user_reports SET reply_text = $3, reply_status = $4, reply_error = $5 WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      reportId,
      reply.text,
      reply.status,
      reply.error ?? '',
    ]);
  }

  async get(tenantId: string, reportId: string): Promise<UserReport | null> {
    if (!isUuid(reportId)) return null;
    const { rows } = await this.#db.query<ReportRow>('SELECT * FROM user_reports WHERE tenant_id = $1 AND id = $2', [tenantId, reportId]);
    return rows[0] ? toReport(rows[0]) : null;
  }

  /** The tenant's stored messages from this sender with this subject, newest first (for matching reported copies). */
  async candidatesBySenderSubject(
    tenantId: string,
    from: string,
    subject: string,
    limit: number,
  ): Promise<Array<{ id: string; sha256: string }>> {
    const { rows } = await this.#db.query<{ id: string; sha256: string }>(
      'SELECT id, sha256 FROM messages WHERE tenant_id = $1 AND from_address = $2 AND subject = $3 ORDER BY received_at DESC LIMIT $4',
      [tenantId, from.toLowerCase(), subject, limit],
    );
    return rows;
  }

  async list(tenantId: string, limit = 100): Promise<UserReport[]> {
    const { rows } = await this.#db.query<ReportRow>(
      'SELECT * FROM user_reports WHERE tenant_id = $1 ORDER BY created_at DESC, id LIMIT $2',
      [tenantId, limit],
    );
    return rows.map(toReport);
  }
}
