import type { VerdictClass } from '../core/verdict.ts';
import type { Actor } from './actors.ts';
import type { Queryable } from './db.ts';
import { isForeignKeyViolation, StorageError } from './errors.ts';
import { isUuid, toDate, toDateOrNull } from './rows.ts';

export type QuarantineState = 'quarantined' | 'released' | 'deleted';

export interface QuarantineEntry {
  id: string;
  tenantId: string;
  messageId: string;
  state: QuarantineState;
  reason: string;
  /** Who made the last decision: `system`, a user id or an API key id. */
  decidedBy: string;
  quarantinedAt: Date;
  releasedAt: Date | null;
  deletedAt: Date | null;
  updatedAt: Date;
}

/** A list row carries the message facts an analyst triages by. */
export interface QuarantineListItem extends QuarantineEntry {
  message: { from: string; subject: string; receivedAt: Date; verdictClass: VerdictClass | null; score: number | null };
}

/** A quarantine_entries row as the database returns it (shared with the console's search). */
export interface EntryRow {
  id: string;
  tenant_id: string;
  message_id: string;
  state: QuarantineState;
  reason: string;
  decided_by: string;
  quarantined_at: Date | string;
  released_at: Date | string | null;
  deleted_at: Date | string | null;
  updated_at: Date | string;
}

export function toEntry(row: EntryRow): QuarantineEntry {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    messageId: row.message_id,
    state: row.state,
    reason: row.reason,
    decidedBy: row.decided_by,
    quarantinedAt: toDate(row.quarantined_at),
    releasedAt: toDateOrNull(row.released_at),
    deletedAt: toDateOrNull(row.deleted_at),
    updatedAt: toDate(row.updated_at),
  };
}

/**
 * Quarantine, one entry per message. quarantined -> released | deleted; a released message may be
 * quarantined again; deleted is final. Repeating the current state is a no-op, so retried jobs
 * and double clicks are harmless.
 */
export class QuarantineRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async quarantine(tenantId: string, messageId: string, input: { reason: string; decidedBy: string }): Promise<QuarantineEntry> {
    if (!isUuid(messageId)) throw new StorageError('STORAGE_NOT_FOUND', 'message not found');
    try {
      const { rows } = await this.#db.query<EntryRow>(
        `INSERT INTO quarantine_entries AS q (tenant_id, message_id, state, reason, decided_by) VALUES ($1, $2, 'quarantined', $3, $4)
         ON CONFLICT (tenant_id, message_id) DO UPDATE SET state = 'quarantined', reason = EXCLUDED.reason,
           decided_by = EXCLUDED.decided_by, quarantined_at = now(), released_at = NULL, updated_at = now()
         WHERE q.state = 'released'
         RETURNING *`,
        [tenantId, messageId, input.reason, input.decidedBy],
      );
      if (rows[0]) return toEntry(rows[0]);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new StorageError('STORAGE_NOT_FOUND', 'message not found', { cause: error });
      throw error;
    }
    return this.#expectState(tenantId, messageId, 'quarantined');
  }

  /**
   * A planned `quarantine` action carried out in one statement (one round trip on the embedded
   * database): under a lock on the action row, the entry is created (or a released one put back),
   * the audit entry written and the action marked done, all or nothing. Returns `already-done`
   * when a delivery before this one did it, `done` when this one did, and `not-applied` when the
   * entry is in a state quarantine cannot come from (deleted): the caller's slower path says why.
   */
  async applyQuarantineAction(
    tenantId: string,
    input: { actionId: string; messageId: string; reason: string; decidedBy: string; actor: Actor },
  ): Promise<'done' | 'already-done' | 'not-applied'> {
    if (!isUuid(input.messageId) || !isUuid(input.actionId)) throw new StorageError('STORAGE_NOT_FOUND', 'action or message not found');
    try {
      const { rows } = await this.#db.query<{ pending: number; applied: number }>(
        `WITH act AS (
           SELECT id FROM actions WHERE tenant_id = $1 AND id = $2 AND state <> 'done' FOR UPDATE
         ), entry AS (
           INSERT INTO quarantine_entries AS q (tenant_id, message_id, state, reason, decided_by)
           SELECT $1, $3, 'quarantined', $4, $8 FROM act
           ON CONFLICT (tenant_id, message_id) DO UPDATE SET state = 'quarantined', reason = EXCLUDED.reason,
             decided_by = EXCLUDED.decided_by, quarantined_at = now(), released_at = NULL, updated_at = now()
           WHERE q.state = 'released'
           RETURNING q.id
         ), ok AS (
           SELECT act.id FROM act
           WHERE EXISTS (SELECT 1 FROM entry)
              OR EXISTS (SELECT 1 FROM quarantine_entries WHERE tenant_id = $1 AND message_id = $3 AND state = 'quarantined')
         ), audit AS (
           INSERT INTO audit_log (tenant_id, actor_kind, actor_id, action, target_kind, target_id, details)
           SELECT $1, $6, $5, 'quarantine.add', 'message', $3, $7::jsonb FROM ok
         ), done AS (
           UPDATE actions a SET state = 'done', error = NULL, updated_at = now(), completed_at = now()
           FROM ok WHERE a.tenant_id = $1 AND a.id = ok.id
         )
         SELECT (SELECT count(*) FROM act)::int AS pending, (SELECT count(*) FROM ok)::int AS applied`,
        [
          tenantId,
          input.actionId,
          input.messageId,
          input.reason,
          input.actor.id,
          input.actor.kind,
          JSON.stringify({ reason: input.reason, actionId: input.actionId }),
          input.decidedBy,
        ],
      );
      if (rows[0].pending === 0) return 'already-done';
      return rows[0].applied > 0 ? 'done' : 'not-applied';
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new StorageError('STORAGE_NOT_FOUND', 'message not found', { cause: error });
      throw error;
    }
  }

  release(tenantId: string, messageId: string, decidedBy: string): Promise<QuarantineEntry> {
    return this.#transition(tenantId, messageId, 'released', ['quarantined'], 'released_at', decidedBy);
  }

  /** The message was deleted from the mailbox; the entry stays as the record of it. */
  markDeleted(tenantId: string, messageId: string, decidedBy: string): Promise<QuarantineEntry> {
    return this.#transition(tenantId, messageId, 'deleted', ['quarantined', 'released'], 'deleted_at', decidedBy);
  }

  async get(tenantId: string, messageId: string): Promise<QuarantineEntry | null> {
    if (!isUuid(messageId)) return null;
    const { rows } = await this.#db.query<EntryRow>('SELECT * FROM quarantine_entries WHERE tenant_id = $1 AND message_id = $2', [
      tenantId,
      messageId,
    ]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async #transition(
    tenantId: string,
    messageId: string,
    to: QuarantineState,
    from: QuarantineState[],
    timestampColumn: 'released_at' | 'deleted_at',
    decidedBy: string,
  ): Promise<QuarantineEntry> {
    if (!isUuid(messageId)) throw new StorageError('STORAGE_NOT_FOUND', 'quarantine entry not found');
    const { rows } = await this.#db.query<EntryRow>(
      `UPDATE quarantine_entries SET state = $3, ${timestampColumn} = now(), decided_by = $5, updated_at = now()
       WHERE tenant_id = $1 AND message_id = $2 AND state = ANY($4::text[]) RETURNING *`,
      [tenantId, messageId, to, from, decidedBy],
    );
    return rows[0] ? toEntry(rows[0]) : this.#expectState(tenantId, messageId, to);
  }

  /** After a no-op write: fine if the entry is already in the wanted state, else say why not. */
  async #expectState(tenantId: string, messageId: string, wanted: QuarantineState): Promise<QuarantineEntry> {
    const current = await this.get(tenantId, messageId);
    if (!current) throw new StorageError('STORAGE_NOT_FOUND', 'quarantine entry not found');
    if (current.state !== wanted) {
      throw new StorageError('STORAGE_INVALID_TRANSITION', `a ${current.state} message cannot become ${wanted}`);
    }
    return current;
  }
}
