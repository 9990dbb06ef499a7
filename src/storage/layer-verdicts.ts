import type { VerdictClass } from '../core/verdict.ts';
import type { LayerKind, LayerVerdict } from '../layers/layer-verdict.ts';
import type { Queryable } from './db.ts';
import { isUuid, json, toDate } from './rows.ts';

export interface StoredLayerVerdict extends LayerVerdict {
  messageId: string;
  source: 'headers' | 'api';
  recordedAt: Date;
}

interface Row {
  message_id: string;
  layer: string;
  kind: LayerKind;
  verdict: VerdictClass;
  caught: boolean;
  score: number | null;
  details: LayerVerdict['details'];
  source: 'headers' | 'api';
  recorded_at: Date | string;
}

function toStored(row: Row): StoredLayerVerdict {
  return {
    messageId: row.message_id,
    layer: row.layer,
    kind: row.kind,
    verdict: row.verdict,
    caught: row.caught,
    score: row.score,
    details: row.details,
    source: row.source,
    recordedAt: toDate(row.recorded_at),
  };
}

/** Other layers' verdicts per message: one row per (message, layer), the latest wins. */
export class LayerVerdictsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async record(tenantId: string, messageId: string, verdict: LayerVerdict, source: 'headers' | 'api'): Promise<StoredLayerVerdict> {
    const { rows } = await this.#db.query<Row>(
      `INSERT INTO layer_verdicts (tenant_id, message_id, layer, kind, verdict, caught, score, details, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
       ON CONFLICT (tenant_id, message_id, layer) DO UPDATE SET kind = EXCLUDED.kind, verdict = EXCLUDED.verdict,
         caught = EXCLUDED.caught, score = EXCLUDED.score, details = EXCLUDED.details, source = EXCLUDED.source, recorded_at = now()
       RETURNING *`,
      [tenantId, messageId, verdict.layer, verdict.kind, verdict.verdict, verdict.caught, verdict.score, json(verdict.details), source],
    );
    return toStored(rows[0]);
  }

  async forMessage(tenantId: string, messageId: string): Promise<StoredLayerVerdict[]> {
    if (!isUuid(messageId)) return [];
    const { rows } = await this.#db.query<Row>(
      'SELECT * FROM layer_verdicts WHERE tenant_id = $1 AND message_id = $2 ORDER BY kind, layer',
      [tenantId, messageId],
    );
    return rows.map(toStored);
  }

  /** Message ids stored with this Message-ID header (journal copies of one message share it). */
  async messagesByHeaderId(tenantId: string, messageIdHeader: string, limit = 100): Promise<string[]> {
    const bare = messageIdHeader.trim().replace(/^<|>$/g, '');
    const { rows } = await this.#db.query<{ id: string }>(
      'SELECT id FROM messages WHERE tenant_id = $1 AND message_id_header = ANY($2::text[]) ORDER BY received_at DESC LIMIT $3',
      [tenantId, [`<${bare}>`, bare], limit],
    );
    return rows.map((r) => r.id);
  }

  async messageExists(tenantId: string, messageId: string): Promise<boolean> {
    if (!isUuid(messageId)) return false;
    const { rows } = await this.#db.query('SELECT 1 FROM messages WHERE tenant_id = $1 AND id = $2', [tenantId, messageId]);
    return rows.length > 0;
  }
}
