import type { VerdictClass } from '../core/verdict.ts';
import { Conditions } from './conditions.ts';
import { decodeCursor, type Page, type PageRequest, pageSize, toPage } from './cursor.ts';
import type { Queryable } from './db.ts';
import { MESSAGE_COLUMNS, type MessageRow, type StoredMessage, toStoredMessage } from './message-rows.ts';
import { cursorTime, isoOrNull, likeContains } from './rows.ts';

export interface MessageFilter {
  mailboxId?: string;
  /** Sender address, exact (case-insensitive). */
  sender?: string;
  /** Text the subject contains (case-insensitive). */
  subject?: string;
  /** Latest verdict class(es); `unscanned` matches messages without a report yet. */
  verdict?: VerdictClass | 'unscanned' | (VerdictClass | 'unscanned')[];
  /** Received at or after. */
  since?: Date;
  /** Received before. */
  until?: Date;
}

export function messageConditions(tenantId: string, filter: MessageFilter, alias = 'm'): Conditions {
  const c = new Conditions();
  c.add((p) => `${alias}.tenant_id = ${p}`, tenantId);
  if (filter.mailboxId) c.add((p) => `${alias}.mailbox_id = ${p}::uuid`, filter.mailboxId);
  if (filter.sender) c.add((p) => `${alias}.from_address = ${p}`, filter.sender.trim().toLowerCase());
  if (filter.subject) c.add((p) => `${alias}.subject ILIKE ${p}`, likeContains(filter.subject));
  if (filter.since) c.add((p) => `${alias}.received_at >= ${p}::timestamptz`, isoOrNull(filter.since));
  if (filter.until) c.add((p) => `${alias}.received_at < ${p}::timestamptz`, isoOrNull(filter.until));
  if (filter.verdict !== undefined) {
    const wanted = Array.isArray(filter.verdict) ? filter.verdict : [filter.verdict];
    const classes = wanted.filter((v) => v !== 'unscanned');
    const orUnscanned = wanted.includes('unscanned') ? ` OR ${alias}.verdict_class IS NULL` : '';
    // A single class is an equality, so the (tenant, verdict, time) index serves the ordering.
    if (classes.length === 1) c.add((p) => `(${alias}.verdict_class = ${p}${orUnscanned})`, classes[0]);
    else c.add((p) => `(${alias}.verdict_class = ANY(${p}::text[])${orUnscanned})`, classes);
  }
  return c;
}

/** Newest first, keyset-paged on (received_at, id): page 1000 costs what page 1 costs. */
export async function listMessages(
  db: Queryable,
  tenantId: string,
  filter: MessageFilter,
  page: PageRequest,
): Promise<Page<StoredMessage>> {
  const limit = pageSize(page.limit);
  const c = messageConditions(tenantId, filter);
  if (page.cursor) {
    const key = decodeCursor(page.cursor);
    c.add((at, id) => `(m.received_at, m.id) < (${at}::timestamptz, ${id}::uuid)`, key.at, key.id);
  }
  c.params.push(limit + 1);
  const { rows } = await db.query<MessageRow & { cursor_at: string }>(
    `SELECT ${MESSAGE_COLUMNS}, ${cursorTime('m.received_at')} AS cursor_at FROM messages m
     WHERE ${c.where} ORDER BY m.received_at DESC, m.id DESC LIMIT $${c.params.length}`,
    c.params,
  );
  return toPage(rows, limit, toStoredMessage, (row) => ({ at: row.cursor_at, id: row.id }));
}

export interface VerdictDayCount {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  verdict: VerdictClass | 'unscanned';
  count: number;
}

/** Messages received per UTC day and latest verdict, for the dashboard's chart. */
export async function countByVerdictPerDay(
  db: Queryable,
  tenantId: string,
  range: { since: Date; until: Date },
): Promise<VerdictDayCount[]> {
  const { rows } = await db.query<{ day: string; verdict: VerdictClass | null; count: number }>(
    `SELECT to_char(date_trunc('day', received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, verdict_class AS verdict, count(*)::int AS count
     FROM messages WHERE tenant_id = $1 AND received_at >= $2::timestamptz AND received_at < $3::timestamptz
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [tenantId, isoOrNull(range.since), isoOrNull(range.until)],
  );
  return rows.map((row) => ({ day: row.day, verdict: row.verdict ?? 'unscanned', count: row.count }));
}
