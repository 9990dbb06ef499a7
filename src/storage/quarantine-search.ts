import type { VerdictClass } from '../core/verdict.ts';
import { Conditions } from './conditions.ts';
import { decodeCursor, type Page, type PageRequest, pageSize, toPage } from './cursor.ts';
import type { Queryable } from './db.ts';
import { type EntryRow, type QuarantineListItem, type QuarantineState, toEntry } from './quarantine.ts';
import { cursorTime, isoOrNull, likeContains, toDate } from './rows.ts';

/** The classes Mailward acts on; "caught by Mailward" means one of these. */
const FLAGGED = ['spam', 'suspicious', 'phish', 'malware'];

export interface QuarantineSearch {
  state?: QuarantineState;
  verdict?: VerdictClass[];
  /** A layer that caught it: `mailward`, a kind (`provider`, `gateway`, `vendor`, `user-report`) or a layer name. */
  layer?: string;
  /** Sender address, exact. */
  sender?: string;
  senderDomain?: string;
  recipient?: string;
  /** Subject contains (case-insensitive). */
  text?: string;
  since?: Date;
  until?: Date;
  sort?: 'newest' | 'oldest';
}

export interface LayerBadge {
  layer: string;
  kind: string;
  verdict: string;
  caught: boolean;
}

export interface QuarantineSearchItem extends QuarantineListItem {
  message: QuarantineListItem['message'] & { to: string[] };
  layers: LayerBadge[];
}

interface Row extends EntryRow {
  cursor_at: string;
  from_address: string;
  to_addresses: string[];
  subject: string;
  received_at: Date | string;
  verdict_class: VerdictClass | null;
  verdict_score: number | null;
  layers: LayerBadge[];
}

function toItem(row: Row): QuarantineSearchItem {
  return {
    ...toEntry(row),
    message: {
      from: row.from_address,
      to: row.to_addresses,
      subject: row.subject,
      receivedAt: toDate(row.received_at),
      verdictClass: row.verdict_class,
      score: row.verdict_score,
    },
    layers: row.layers,
  };
}

/**
 * The console's quarantine list: every filter an analyst triages by, keyset-paged on
 * (quarantined_at, id) either way, each row with the other layers' verdicts beside Mailward's.
 * The page is found on quarantine_by_state_time; the layers are read for the page's rows only.
 */
export async function searchQuarantine(
  db: Queryable,
  tenantId: string,
  search: QuarantineSearch,
  page: PageRequest = {},
): Promise<Page<QuarantineSearchItem>> {
  const limit = pageSize(page.limit);
  const c = new Conditions();
  c.add((p) => `q.tenant_id = ${p}`, tenantId);
  if (search.state) c.add((p) => `q.state = ${p}`, search.state);
  if (search.verdict && search.verdict.length > 0) {
    if (search.verdict.length === 1) c.add((p) => `m.verdict_class = ${p}`, search.verdict[0]);
    else c.add((p) => `m.verdict_class = ANY(${p}::text[])`, search.verdict);
  }
  if (search.sender) c.add((p) => `m.from_address = ${p}`, search.sender.trim().toLowerCase());
  if (search.senderDomain) c.add((p) => `split_part(m.from_address, '@', 2) = ${p}`, search.senderDomain.trim().toLowerCase());
  if (search.recipient) c.add((p) => `m.to_addresses @> ARRAY[${p}]::text[]`, search.recipient.trim().toLowerCase());
  if (search.text) c.add((p) => `m.subject ILIKE ${p}`, likeContains(search.text));
  if (search.since) c.add((p) => `q.quarantined_at >= ${p}::timestamptz`, isoOrNull(search.since));
  if (search.until) c.add((p) => `q.quarantined_at < ${p}::timestamptz`, isoOrNull(search.until));
  if (search.layer === 'mailward') c.add((p) => `m.verdict_class = ANY(${p}::text[])`, FLAGGED);
  else if (search.layer) {
    c.add(
      (p) =>
        `EXISTS (SELECT 1 FROM layer_verdicts lv WHERE lv.tenant_id = q.tenant_id AND lv.message_id = q.message_id AND lv.caught AND (lv.layer = ${p} OR lv.kind = ${p}))`,
      search.layer,
    );
  }
  const ascending = search.sort === 'oldest';
  if (page.cursor) {
    const key = decodeCursor(page.cursor);
    c.add((at, id) => `(q.quarantined_at, q.id) ${ascending ? '>' : '<'} (${at}::timestamptz, ${id}::uuid)`, key.at, key.id);
  }
  c.params.push(limit + 1);
  const direction = ascending ? 'ASC' : 'DESC';
  const { rows } = await db.query<Row>(
    `SELECT page.*, COALESCE((
         SELECT jsonb_agg(jsonb_build_object('layer', lv.layer, 'kind', lv.kind, 'verdict', lv.verdict, 'caught', lv.caught) ORDER BY lv.kind, lv.layer)
         FROM layer_verdicts lv WHERE lv.tenant_id = page.tenant_id AND lv.message_id = page.message_id), '[]'::jsonb) AS layers
     FROM (
       SELECT q.*, ${cursorTime('q.quarantined_at')} AS cursor_at, m.from_address, m.to_addresses, m.subject, m.received_at,
         m.verdict_class, m.verdict_score
       FROM quarantine_entries q JOIN messages m ON m.tenant_id = q.tenant_id AND m.id = q.message_id
       WHERE ${c.where} ORDER BY q.quarantined_at ${direction}, q.id ${direction} LIMIT $${c.params.length}
     ) page ORDER BY page.quarantined_at ${direction}, page.id ${direction}`,
    c.params,
  );
  return toPage(rows, limit, toItem, (row) => ({ at: row.cursor_at, id: row.id }));
}
