import type { Actor, ActorKind } from './actors.ts';
import { Conditions } from './conditions.ts';
import { decodeCursor, type Page, type PageRequest, pageSize, toPage } from './cursor.ts';
import type { Queryable } from './db.ts';
import { cursorTime, isoOrNull, json, toDate } from './rows.ts';

export interface AuditEntry {
  id: number;
  tenantId: string;
  actor: Actor;
  /** Dotted verb: `quarantine.release`, `settings.update`, `api-key.create`. */
  action: string;
  target: { kind: string; id: string } | null;
  /** Small structured facts (ids, old/new values). Never message bodies or secrets. */
  details: Record<string, unknown>;
  at: Date;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetId?: string;
  since?: Date;
  until?: Date;
}

interface AuditRow {
  id: number;
  tenant_id: string;
  actor_kind: ActorKind;
  actor_id: string;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  at: Date | string;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    tenantId: row.tenant_id,
    actor: { kind: row.actor_kind, id: row.actor_id },
    action: row.action,
    target: row.target_kind !== null && row.target_id !== null ? { kind: row.target_kind, id: row.target_id } : null,
    details: row.details,
    at: toDate(row.at),
  };
}

/** The tenant's audit trail. Append-only: the table's trigger refuses updates and deletes. */
export class AuditLogRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async append(
    tenantId: string,
    entry: { actor: Actor; action: string; target?: { kind: string; id: string }; details?: Record<string, unknown> },
  ): Promise<AuditEntry> {
    const { rows } = await this.#db.query<AuditRow>(
      `INSERT INTO audit_log (tenant_id, actor_kind, actor_id, action, target_kind, target_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING *`,
      [
        tenantId,
        entry.actor.kind,
        entry.actor.id,
        entry.action,
        entry.target?.kind ?? null,
        entry.target?.id ?? null,
        json(entry.details ?? {}),
      ],
    );
    return toEntry(rows[0]);
  }

  /** Newest first, keyset-paged on (at, id). */
  async list(tenantId: string, filter: AuditFilter = {}, page: PageRequest = {}): Promise<Page<AuditEntry>> {
    const limit = pageSize(page.limit);
    const c = new Conditions();
    c.add((p) => `tenant_id = ${p}`, tenantId);
    if (filter.action) c.add((p) => `action = ${p}`, filter.action);
    if (filter.actorId) c.add((p) => `actor_id = ${p}`, filter.actorId);
    if (filter.targetId) c.add((p) => `target_id = ${p}`, filter.targetId);
    if (filter.since) c.add((p) => `at >= ${p}::timestamptz`, isoOrNull(filter.since));
    if (filter.until) c.add((p) => `at < ${p}::timestamptz`, isoOrNull(filter.until));
    if (page.cursor) {
      const key = decodeCursor(page.cursor);
      c.add((at, id) => `(at, id) < (${at}::timestamptz, ${id}::bigint)`, key.at, key.id);
    }
    c.params.push(limit + 1);
    const { rows } = await this.#db.query<AuditRow & { cursor_at: string }>(
      `SELECT *, ${cursorTime('at')} AS cursor_at FROM audit_log WHERE ${c.where} ORDER BY at DESC, id DESC LIMIT $${c.params.length}`,
      c.params,
    );
    return toPage(rows, limit, toEntry, (row) => ({ at: row.cursor_at, id: String(row.id) }));
  }
}
