import type { Queryable } from './db.ts';
import { StorageError } from './errors.ts';
import { isUuid, toDate } from './rows.ts';

/**
 * `sender`: one address. `domain`: the sender's domain and its subdomains.
 * `pattern`: an address glob where `*` matches anything (`billing-*@vendor.example`).
 */
export type NotThreatKind = 'sender' | 'domain' | 'pattern';

export interface NotThreatDecision {
  id: string;
  tenantId: string;
  kind: NotThreatKind;
  value: string;
  reason: string;
  decidedBy: string;
  createdAt: Date;
}

interface DecisionRow {
  id: string;
  tenant_id: string;
  kind: NotThreatKind;
  value: string;
  reason: string;
  decided_by: string;
  created_at: Date | string;
}

function toDecision(row: DecisionRow): NotThreatDecision {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    value: row.value,
    reason: row.reason,
    decidedBy: row.decided_by,
    createdAt: toDate(row.created_at),
  };
}

function normalizeValue(kind: NotThreatKind, value: string): string {
  const normalized = value.trim().toLowerCase().replace(/^@/, '');
  const ok =
    kind === 'sender' ? /^[^\s@]+@[^\s@]+$/.test(normalized) : kind === 'domain' ? /^[^\s@*]+$/.test(normalized) : /^\S+$/.test(normalized);
  if (!ok) throw new StorageError('STORAGE_INVALID_VALUE', `not a valid ${kind}: ${JSON.stringify(value)}`);
  return normalized;
}

/** "Not a threat" decisions an analyst made, remembered per tenant so the same mail is not flagged again. */
export class NotThreatRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Records a decision; recording the same one again updates its reason and author. */
  async remember(
    tenantId: string,
    input: { kind: NotThreatKind; value: string; reason?: string; decidedBy: string },
  ): Promise<NotThreatDecision> {
    const { rows } = await this.#db.query<DecisionRow>(
      `INSERT INTO not_threat_decisions (tenant_id, kind, value, reason, decided_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, kind, value) DO UPDATE SET reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by
       RETURNING *`,
      [tenantId, input.kind, normalizeValue(input.kind, input.value), input.reason ?? '', input.decidedBy],
    );
    return toDecision(rows[0]);
  }

  async forget(tenantId: string, decisionId: string): Promise<boolean> {
    if (!isUuid(decisionId)) return false;
    const { rowCount } = await this.#db.query('DELETE FROM not_threat_decisions WHERE tenant_id = $1 AND id = $2', [tenantId, decisionId]);
    return rowCount > 0;
  }

  async list(tenantId: string): Promise<NotThreatDecision[]> {
    const { rows } = await this.#db.query<DecisionRow>('SELECT * FROM not_threat_decisions WHERE tenant_id = $1 ORDER BY kind, value', [
      tenantId,
    ]);
    return rows.map(toDecision);
  }

  /** Decisions that cover this sender address (exact, by domain or subdomain, or by pattern). */
  async matching(tenantId: string, senderAddress: string): Promise<NotThreatDecision[]> {
    const address = senderAddress.trim().toLowerCase();
    const domain = address.slice(address.lastIndexOf('@') + 1);
    const { rows } = await this.#db.query<DecisionRow>(
      `SELECT * FROM not_threat_decisions WHERE tenant_id = $1 AND (
         (kind = 'sender' AND value = $2)
         OR (kind = 'domain' AND ($3 = value OR right($3, length(value) + 1) = '.' || value))
         OR (kind = 'pattern' AND $2 LIKE replace(replace(replace(replace(value, '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '*', '%'))
       ) ORDER BY kind, value`,
      [tenantId, address, domain],
    );
    return rows.map(toDecision);
  }
}
