import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db.ts';
import { toDate } from './rows.ts';

export interface ConsoleSession {
  userId: string | null;
  apiKeyId: string | null;
  tenantId: string;
  /** Sent back by the browser in a header on every state-changing call. */
  csrfToken: string;
  expiresAt: Date;
}

interface Row {
  user_id: string | null;
  api_key_id: string | null;
  tenant_id: string;
  csrf_token: string;
  expires_at: Date | string;
}

const toSession = (row: Row): ConsoleSession => ({
  userId: row.user_id,
  apiKeyId: row.api_key_id,
  tenantId: row.tenant_id,
  csrfToken: row.csrf_token,
  expiresAt: toDate(row.expires_at),
});

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Sessions of the console: the cookie carries a random token, the table only its hash. */
export class ConsoleSessionsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async open(input: {
    userId?: string;
    apiKeyId?: string;
    tenantId: string;
    ttlMs: number;
  }): Promise<{ token: string; session: ConsoleSession }> {
    const token = randomBytes(32).toString('base64url');
    const { rows } = await this.#db.query<Row>(
      `INSERT INTO console_sessions (token_hash, user_id, api_key_id, tenant_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond') RETURNING *`,
      [hash(token), input.userId ?? null, input.apiKeyId ?? null, input.tenantId, randomBytes(24).toString('base64url'), input.ttlMs],
    );
    // Expired sessions are swept here rather than by a timer: logins are rare, the table small.
    await this.#db.query('DELETE FROM console_sessions WHERE expires_at < now()');
    return { token, session: toSession(rows[0]) };
  }

  async find(token: string): Promise<ConsoleSession | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const { rows } = await this.#db.query<Row>('SELECT * FROM console_sessions WHERE token_hash = $1 AND expires_at > now()', [
      hash(token),
    ]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async switchTenant(token: string, tenantId: string): Promise<void> {
    await this.#db.query('UPDATE console_sessions SET tenant_id = $2 WHERE token_hash = $1', [hash(token), tenantId]);
  }

  async close(token: string): Promise<void> {
    await this.#db.query('DELETE FROM console_sessions WHERE token_hash = $1', [hash(token)]);
  }
}
