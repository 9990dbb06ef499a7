import type { ApiKeyRole } from './api-keys.ts';
import type { Queryable } from './db.ts';
import { isForeignKeyViolation, StorageError } from './errors.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { isUuid, toDate, toDateOrNull } from './rows.ts';
import { withTransaction } from './transaction.ts';

/** A person who logs in to the console; `tenants` lists every tenant the person may manage. */
export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
}

export interface Membership {
  tenantId: string;
  tenantName: string;
  role: ApiKeyRole;
}

export interface TenantUser extends User {
  role: ApiKeyRole;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Date | string;
  last_login_at: Date | string | null;
  disabled_at: Date | string | null;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    createdAt: toDate(row.created_at),
    lastLoginAt: toDateOrNull(row.last_login_at),
    disabledAt: toDateOrNull(row.disabled_at),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!EMAIL.test(value)) throw new StorageError('STORAGE_INVALID_VALUE', `not an email address: ${email}`);
  return value;
}

/**
 * Console users and their tenants. Users are not owned by one tenant (an MSP analyst manages
 * several), so lookups by email are global; everything a tenant admin does goes through the
 * tenant's memberships and stays inside that tenant.
 */
export class UsersRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /**
   * Creates the user if the email is new (the password is then required), and gives the user
   * `role` in the tenant (replacing an earlier role there).
   */
  async addToTenant(
    tenantId: string,
    input: { email: string; name?: string; password?: string; role: ApiKeyRole },
  ): Promise<{ user: User; created: boolean }> {
    const email = normaliseEmail(input.email);
    if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
      throw new StorageError('STORAGE_INVALID_VALUE', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    return withTransaction(this.#db, async (tx) => {
      let { rows } = await tx.query<UserRow>('SELECT * FROM users WHERE email = $1 FOR UPDATE', [email]);
      let created = false;
      if (!rows[0]) {
        if (!passwordHash) throw new StorageError('STORAGE_INVALID_VALUE', 'a new user needs a password');
        ({ rows } = await tx.query<UserRow>('INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING *', [
          email,
          input.name ?? '',
          passwordHash,
        ]));
        created = true;
      }
      try {
        await tx.query(
          `INSERT INTO user_tenants (user_id, tenant_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, tenant_id) DO UPDATE SET role = EXCLUDED.role`,
          [rows[0].id, tenantId, input.role],
        );
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new StorageError('STORAGE_NOT_FOUND', 'tenant not found', { cause: error });
        throw error;
      }
      return { user: toUser(rows[0]), created };
    });
  }

  /** The user behind an email and password, or null (unknown, wrong password or disabled alike). */
  async verifyLogin(email: string, password: string): Promise<User | null> {
    const { rows } = await this.#db.query<UserRow>('SELECT * FROM users WHERE email = $1', [email.trim().toLowerCase()]);
    const row = rows[0];
    // Verify even when there is no such user, so the answer takes as long either way.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!row || !ok || row.disabled_at !== null) return null;
    await this.#db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [row.id]);
    return toUser(row);
  }

  async get(userId: string): Promise<User | null> {
    if (!isUuid(userId)) return null;
    const { rows } = await this.#db.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async memberships(userId: string): Promise<Membership[]> {
    const { rows } = await this.#db.query<{ tenant_id: string; name: string; role: ApiKeyRole }>(
      `SELECT ut.tenant_id, t.name, ut.role FROM user_tenants ut JOIN tenants t ON t.id = ut.tenant_id
       WHERE ut.user_id = $1 ORDER BY t.name, t.id`,
      [userId],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, tenantName: r.name, role: r.role }));
  }

  async listForTenant(tenantId: string): Promise<TenantUser[]> {
    const { rows } = await this.#db.query<UserRow & { role: ApiKeyRole }>(
      `SELECT u.*, ut.role FROM users u JOIN user_tenants ut ON ut.user_id = u.id WHERE ut.tenant_id = $1 ORDER BY u.email`,
      [tenantId],
    );
    return rows.map((r) => ({ ...toUser(r), role: r.role }));
  }

  /** Takes the user out of the tenant (the account stays for its other tenants). */
  async removeFromTenant(tenantId: string, userId: string): Promise<void> {
    const { rows } = isUuid(userId)
      ? await this.#db.query('DELETE FROM user_tenants WHERE tenant_id = $1 AND user_id = $2 RETURNING user_id', [tenantId, userId])
      : { rows: [] };
    if (rows.length === 0) throw new StorageError('STORAGE_NOT_FOUND', 'user not found');
    // Sessions opened in that tenant end with the membership.
    await this.#db.query('DELETE FROM console_sessions WHERE tenant_id = $1 AND user_id = $2', [tenantId, userId]);
  }
}
