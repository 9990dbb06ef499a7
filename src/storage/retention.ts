import { isFlagged, VERDICT_CLASSES } from '../core/verdict.ts';
import type { Queryable } from './db.ts';
import { TenantSettingsRepository } from './tenant-settings.ts';

export interface PurgeResult {
  tenantId: string;
  messages: number;
  rawBlobs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Deleting in slices keeps each statement short, so ingest is never blocked for long. */
const BATCH = 5000;
const HARMLESS = VERDICT_CLASSES.filter((verdict) => !isFlagged(verdict));

/**
 * Deletes what a tenant's retention says to forget: messages (with their reports, quarantine
 * entries and actions, by cascade) older than the clean or threat retention, then raw bytes no
 * message points at any more. Unscanned messages count as threats: nothing is dropped unjudged.
 * The audit log is kept.
 */
export class RetentionRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async purge(tenantId: string, now: Date = new Date()): Promise<PurgeResult> {
    const retention = await new TenantSettingsRepository(this.#db).getRetention(tenantId);
    const cleanCutoff = new Date(now.getTime() - retention.cleanDays * DAY_MS).toISOString();
    const threatCutoff = new Date(now.getTime() - retention.threatDays * DAY_MS).toISOString();
    const harmless = await this.#deleteInBatches('tenant_id = $1 AND verdict_class = ANY($2::text[]) AND received_at < $3::timestamptz', [
      tenantId,
      HARMLESS,
      cleanCutoff,
    ]);
    const flagged = await this.#deleteInBatches(
      '(tenant_id = $1 AND (verdict_class IS NULL OR NOT verdict_class = ANY($2::text[])) AND received_at < $3::timestamptz)',
      [tenantId, HARMLESS, threatCutoff],
    );
    const blobs = await this.#db.query(
      `DELETE FROM raw_messages r WHERE r.tenant_id = $1
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = r.tenant_id AND m.sha256 = r.sha256)`,
      [tenantId],
    );
    return { tenantId, messages: harmless + flagged, rawBlobs: blobs.rowCount };
  }

  /** Runs `purge` for every tenant (the nightly job). */
  async purgeAll(now: Date = new Date()): Promise<PurgeResult[]> {
    const { rows } = await this.#db.query<{ id: string }>('SELECT id FROM tenants ORDER BY id');
    const results: PurgeResult[] = [];
    for (const row of rows) results.push(await this.purge(row.id, now));
    return results;
  }

  async #deleteInBatches(where: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const { rowCount } = await this.#db.query(
        `DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE ${where} LIMIT ${BATCH})`,
        params,
      );
      total += rowCount;
      if (rowCount < BATCH) return total;
    }
  }
}
