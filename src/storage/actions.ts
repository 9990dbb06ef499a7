import type { Actor, ActorKind } from './actors.ts';
import type { Queryable } from './db.ts';
import { isForeignKeyViolation, StorageError } from './errors.ts';
import { isUuid, toDate, toDateOrNull } from './rows.ts';

export type ActionState = 'planned' | 'done' | 'failed';

export interface StoredAction {
  id: string;
  tenantId: string;
  messageId: string;
  /** What to do: `quarantine`, `move-to-junk`, `banner`, `release`, ... (the actions module's vocabulary). */
  kind: string;
  state: ActionState;
  idempotencyKey: string;
  actor: Actor;
  reason: string;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

interface ActionRow {
  id: string;
  tenant_id: string;
  message_id: string;
  kind: string;
  state: ActionState;
  idempotency_key: string;
  actor_kind: ActorKind;
  actor_id: string;
  reason: string;
  error: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  completed_at: Date | string | null;
}

function toAction(row: ActionRow): StoredAction {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    messageId: row.message_id,
    kind: row.kind,
    state: row.state,
    idempotencyKey: row.idempotency_key,
    actor: { kind: row.actor_kind, id: row.actor_id },
    reason: row.reason,
    error: row.error,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    completedAt: toDateOrNull(row.completed_at),
  };
}

/**
 * Post-delivery actions, written before they run and updated after, so a crash in between
 * leaves a `planned` row to resume rather than an action nobody knows about.
 */
export class ActionsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Plans an action; the same idempotency key returns the first row instead of a second action. */
  async plan(
    tenantId: string,
    input: { messageId: string; kind: string; idempotencyKey: string; actor: Actor; reason?: string },
  ): Promise<{ action: StoredAction; created: boolean }> {
    if (!isUuid(input.messageId)) throw new StorageError('STORAGE_NOT_FOUND', 'message not found');
    try {
      const { rows } = await this.#db.query<ActionRow>(
        `INSERT INTO actions (tenant_id, message_id, kind, idempotency_key, actor_kind, actor_id, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING *`,
        [tenantId, input.messageId, input.kind, input.idempotencyKey, input.actor.kind, input.actor.id, input.reason ?? ''],
      );
      if (rows[0]) return { action: toAction(rows[0]), created: true };
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new StorageError('STORAGE_NOT_FOUND', 'message not found', { cause: error });
      throw error;
    }
    const existing = await this.findByKey(tenantId, input.idempotencyKey);
    return { action: existing!, created: false };
  }

  /** The action ran. Allowed from planned, or from failed when a retry succeeded. */
  markDone(tenantId: string, actionId: string): Promise<StoredAction> {
    return this.#finish(tenantId, actionId, 'done', null);
  }

  /** The action failed; `error` says why (never message content). A retry may still mark it done. */
  markFailed(tenantId: string, actionId: string, error: string): Promise<StoredAction> {
    return this.#finish(tenantId, actionId, 'failed', error);
  }

  async get(tenantId: string, actionId: string): Promise<StoredAction | null> {
    if (!isUuid(actionId)) return null;
    const { rows } = await this.#db.query<ActionRow>('SELECT * FROM actions WHERE tenant_id = $1 AND id = $2', [tenantId, actionId]);
    return rows[0] ? toAction(rows[0]) : null;
  }

  async findByKey(tenantId: string, idempotencyKey: string): Promise<StoredAction | null> {
    const { rows } = await this.#db.query<ActionRow>('SELECT * FROM actions WHERE tenant_id = $1 AND idempotency_key = $2', [
      tenantId,
      idempotencyKey,
    ]);
    return rows[0] ? toAction(rows[0]) : null;
  }

  async listForMessage(tenantId: string, messageId: string): Promise<StoredAction[]> {
    if (!isUuid(messageId)) return [];
    const { rows } = await this.#db.query<ActionRow>(
      'SELECT * FROM actions WHERE tenant_id = $1 AND message_id = $2 ORDER BY created_at, id',
      [tenantId, messageId],
    );
    return rows.map(toAction);
  }

  /** Planned actions oldest first: what a restarted worker should resume. */
  async listPlanned(tenantId: string, limit = 100): Promise<StoredAction[]> {
    const { rows } = await this.#db.query<ActionRow>(
      "SELECT * FROM actions WHERE tenant_id = $1 AND state = 'planned' ORDER BY created_at, id LIMIT $2",
      [tenantId, limit],
    );
    return rows.map(toAction);
  }

  async #finish(tenantId: string, actionId: string, state: 'done' | 'failed', error: string | null): Promise<StoredAction> {
    const { rows } = isUuid(actionId)
      ? await this.#db.query<ActionRow>(
          `UPDATE actions SET state = $3, error = $4, updated_at = now(), completed_at = CASE WHEN $3::text = 'done' THEN now() END
           WHERE tenant_id = $1 AND id = $2 AND state IN ('planned', 'failed') RETURNING *`,
          [tenantId, actionId, state, error],
        )
      : { rows: [] };
    if (rows[0]) return toAction(rows[0]);
    const current = await this.get(tenantId, actionId);
    if (!current) throw new StorageError('STORAGE_NOT_FOUND', 'action not found');
    if (current.state === state) return current;
    throw new StorageError('STORAGE_INVALID_TRANSITION', `a ${current.state} action cannot become ${state}`);
  }
}
