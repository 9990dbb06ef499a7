import type { Queryable } from './db.ts';
import { withTransaction } from './transaction.ts';

/** A tenant's learned layer as stored: hashed feature index -> weight. */
export interface StoredModelLayer {
  weights: ReadonlyMap<number, number>;
  updates: number;
}

export interface ModelFeedback {
  messageSha256: string;
  label: 'threat' | 'not-threat';
  source: 'analyst' | 'user-report';
  actor: string;
}

export interface ModelFeedbackEntry extends ModelFeedback {
  id: string;
  createdAt: Date;
}

const EMPTY: StoredModelLayer = { weights: new Map(), updates: 0 };

/**
 * Each tenant's layer over the shared content model, and the feedback it learned from. Learning
 * is a read-modify-write under the tenant's row lock, so two decisions at once are both applied.
 * Every query names the tenant: no call can read or change another tenant's layer.
 */
export class TenantModelRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async layer(tenantId: string): Promise<StoredModelLayer> {
    const { rows } = await this.#db.query<{ weights: Uint8Array; updates: number }>(
      'SELECT weights, updates FROM tenant_model_layers WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0] ? { weights: decodeWeights(rows[0].weights), updates: rows[0].updates } : EMPTY;
  }

  /** Applies `update` to the tenant's weights and records the feedback, atomically. */
  async learn(
    tenantId: string,
    feedback: ModelFeedback,
    update: (weights: ReadonlyMap<number, number>) => Map<number, number>,
  ): Promise<StoredModelLayer> {
    return withTransaction(this.#db, async (tx) => {
      await tx.query(`INSERT INTO tenant_model_layers (tenant_id, weights) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING`, [
        tenantId,
        new Uint8Array(0),
      ]);
      const { rows } = await tx.query<{ weights: Uint8Array; updates: number }>(
        'SELECT weights, updates FROM tenant_model_layers WHERE tenant_id = $1 FOR UPDATE',
        [tenantId],
      );
      const weights = update(decodeWeights(rows[0].weights));
      const updates = rows[0].updates + 1;
      await tx.query('UPDATE tenant_model_layers SET weights = $2, updates = $3, updated_at = now() WHERE tenant_id = $1', [
        tenantId,
        encodeWeights(weights),
        updates,
      ]);
      await tx.query('INSERT INTO model_feedback (tenant_id, message_sha256, label, source, actor) VALUES ($1, $2, $3, $4, $5)', [
        tenantId,
        feedback.messageSha256,
        feedback.label,
        feedback.source,
        feedback.actor,
      ]);
      return { weights, updates };
    });
  }

  async feedback(tenantId: string, limit = 100): Promise<ModelFeedbackEntry[]> {
    const { rows } = await this.#db.query<{
      id: string;
      message_sha256: string;
      label: ModelFeedback['label'];
      source: ModelFeedback['source'];
      actor: string;
      created_at: Date | string;
    }>('SELECT * FROM model_feedback WHERE tenant_id = $1 ORDER BY created_at DESC, id LIMIT $2', [tenantId, limit]);
    return rows.map((r) => ({
      id: r.id,
      messageSha256: r.message_sha256,
      label: r.label,
      source: r.source,
      actor: r.actor,
      createdAt: new Date(r.created_at),
    }));
  }
}

export function encodeWeights(weights: ReadonlyMap<number, number>): Uint8Array {
  const bytes = new Uint8Array(weights.size * 8);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const [index, weight] of weights) {
    view.setInt32(offset, index, true);
    view.setFloat32(offset + 4, weight, true);
    offset += 8;
  }
  return bytes;
}

export function decodeWeights(bytes: Uint8Array): Map<number, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Map<number, number>();
  for (let offset = 0; offset + 8 <= bytes.byteLength; offset += 8)
    weights.set(view.getInt32(offset, true), view.getFloat32(offset + 4, true));
  return weights;
}
