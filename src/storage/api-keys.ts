import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db.ts';
import { StorageError } from './errors.ts';
import { isUuid, toDate, toDateOrNull } from './rows.ts';

export type ApiKeyRole = 'admin' | 'analyst' | 'read-only';

export interface ApiKey {
  id: string;
  tenantId: string;
  name: string;
  role: ApiKeyRole;
  /** Shown in lists so people can tell keys apart; not secret on its own. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  secret_hash: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: toDate(row.created_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
    revokedAt: toDateOrNull(row.revoked_at),
  };
}

// Tokens look like `mw_<prefix>_<secret>`; the prefix finds the row, the secret proves possession.
const TOKEN = /^mw_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** Splits a token into its prefix and secret; null if it is not shaped like a Mailward key. The secret may itself contain '_'. */
export function parseApiToken(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * API keys. Only a SHA-256 of the secret is kept: the secret is random (256 bits), so a slow
 * password hash would add nothing, and a leaked table reveals no usable key.
 */
export class ApiKeysRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Creates a key. The returned token is shown once and cannot be recovered later. */
  async create(tenantId: string, input: { name: string; role: ApiKeyRole }): Promise<{ key: ApiKey; token: string }> {
    const prefix = randomBytes(8).toString('hex').slice(0, 10);
    const secret = randomBytes(32).toString('base64url');
    const { rows } = await this.#db.query<ApiKeyRow>(
      'INSERT INTO api_keys (tenant_id, name, role, prefix, secret_hash) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [tenantId, input.name, input.role, prefix, hashSecret(secret).toString('hex')],
    );
    return { key: toApiKey(rows[0]), token: `mw_${prefix}_${secret}` };
  }

  /**
   * Finds the live key a request presented and notes its use. Not scoped by tenant: the key is
   * what tells us the tenant. Returns null for unknown, wrong or revoked keys alike.
   */
  async authenticate(token: string): Promise<ApiKey | null> {
    const parsed = parseApiToken(token);
    if (!parsed) return null;
    const { rows } = await this.#db.query<ApiKeyRow>('SELECT * FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL', [parsed.prefix]);
    const row = rows[0];
    if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), hashSecret(parsed.secret))) return null;
    // At most one write a minute per key: busy integrations would otherwise write on every request.
    const updated = await this.#db.query<ApiKeyRow>(
      "UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') RETURNING *",
      [row.id],
    );
    return toApiKey(updated.rows[0] ?? row);
  }

  async list(tenantId: string): Promise<ApiKey[]> {
    const { rows } = await this.#db.query<ApiKeyRow>('SELECT * FROM api_keys WHERE tenant_id = $1 ORDER BY created_at, id', [tenantId]);
    return rows.map(toApiKey);
  }

  async get(tenantId: string, keyId: string): Promise<ApiKey | null> {
    if (!isUuid(keyId)) return null;
    const { rows } = await this.#db.query<ApiKeyRow>('SELECT * FROM api_keys WHERE tenant_id = $1 AND id = $2', [tenantId, keyId]);
    return rows[0] ? toApiKey(rows[0]) : null;
  }

  /** Revokes a key (kept for the audit trail). Revoking twice keeps the first time. */
  async revoke(tenantId: string, keyId: string): Promise<ApiKey> {
    const { rows } = isUuid(keyId)
      ? await this.#db.query<ApiKeyRow>(
          'UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE tenant_id = $1 AND id = $2 RETURNING *',
          [tenantId, keyId],
        )
      : { rows: [] };
    if (!rows[0]) throw new StorageError('STORAGE_NOT_FOUND', 'API key not found');
    return toApiKey(rows[0]);
  }
}
