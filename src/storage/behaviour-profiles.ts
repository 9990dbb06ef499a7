import type { Queryable } from './db.ts';
import { withTransaction } from './transaction.ts';

/** What a behaviour-model entry describes (see `src/behaviour/tenant-behaviour.ts`). */
export type BehaviourEntryKind = 'sender' | 'domain' | 'user' | 'thread' | 'meta';

export interface BehaviourEntryKey {
  kind: BehaviourEntryKind;
  key: string;
}

/** One stored entry: a profile, a thread's parties, or a counter, as the model serialised it. */
export interface BehaviourEntry extends BehaviourEntryKey {
  data: unknown;
}

/** Rows per statement: one statement per batch keeps a flush cheap on the embedded database. */
const BATCH = 500;

/**
 * Each tenant's behaviour model, one row per entry, so a flush writes only what changed. Every
 * query names the tenant: no call can read or change another tenant's model.
 */
export class BehaviourProfilesRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Every stored entry of the tenant (a tenant at the model's limits holds about 800,000). */
  async load(tenantId: string): Promise<BehaviourEntry[]> {
    const { rows } = await this.#db.query<BehaviourEntry>('SELECT kind, key, data FROM behaviour_profiles WHERE tenant_id = $1', [
      tenantId,
    ]);
    return rows;
  }

  /** Writes entries (insert or replace) and removes others, in batches, in one transaction. */
  async write(tenantId: string, changes: { upserts: readonly BehaviourEntry[]; deletes: readonly BehaviourEntryKey[] }): Promise<void> {
    if (changes.upserts.length === 0 && changes.deletes.length === 0) return;
    await withTransaction(this.#db, async (tx) => {
      for (let i = 0; i < changes.deletes.length; i += BATCH) {
        await tx.query(
          `DELETE FROM behaviour_profiles p USING jsonb_to_recordset($2::jsonb) AS d(kind text, key text)
           WHERE p.tenant_id = $1 AND p.kind = d.kind AND p.key = d.key`,
          [tenantId, storable(changes.deletes.slice(i, i + BATCH).map(({ kind, key }) => ({ kind, key })))],
        );
      }
      for (let i = 0; i < changes.upserts.length; i += BATCH) {
        await tx.query(
          `INSERT INTO behaviour_profiles (tenant_id, kind, key, data)
           SELECT $1, e.kind, e.key, e.data FROM jsonb_to_recordset($2::jsonb) AS e(kind text, key text, data jsonb)
           ON CONFLICT (tenant_id, kind, key) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`,
          [tenantId, storable(changes.upserts.slice(i, i + BATCH))],
        );
      }
    });
  }

  /** Forgets the tenant's whole model. Returns how many entries were removed. */
  async deleteAll(tenantId: string): Promise<number> {
    const { rowCount } = await this.#db.query('DELETE FROM behaviour_profiles WHERE tenant_id = $1', [tenantId]);
    return rowCount;
  }

  async count(tenantId: string): Promise<number> {
    const { rows } = await this.#db.query<{ n: number | string }>('SELECT count(*) AS n FROM behaviour_profiles WHERE tenant_id = $1', [
      tenantId,
    ]);
    return Number(rows[0]?.n ?? 0);
  }
}

/**
 * JSON the database accepts: PostgreSQL text and JSONB refuse NUL characters, which a display name
 * or header could carry; they are dropped rather than failing the whole batch.
 */
function storable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '') : v));
}
