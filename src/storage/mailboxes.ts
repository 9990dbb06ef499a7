import type { Queryable } from './db.ts';
import { StorageError } from './errors.ts';
import { isUuid, toDate, toDateOrNull } from './rows.ts';

/** One vocabulary across connectors; journal copies arrive through an `smtp-journal` account. */
export type ProviderKind = 'microsoft-graph' | 'gmail' | 'imap' | 'smtp-journal';
export type MailboxStatus = 'active' | 'paused' | 'error' | 'disabled';

export interface Mailbox {
  id: string;
  tenantId: string;
  address: string;
  provider: ProviderKind;
  displayName: string;
  status: MailboxStatus;
  lastError: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface MailboxRow {
  id: string;
  tenant_id: string;
  address: string;
  provider: ProviderKind;
  display_name: string;
  status: MailboxStatus;
  last_error: string | null;
  last_error_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

function toMailbox(row: MailboxRow): Mailbox {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    address: row.address,
    provider: row.provider,
    displayName: row.display_name,
    status: row.status,
    lastError: row.last_error,
    lastErrorAt: toDateOrNull(row.last_error_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** Mailboxes (provider accounts) a tenant connected, with their health. */
export class MailboxesRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Adds a mailbox, or returns the existing one (display name refreshed) when connected again. */
  async upsert(tenantId: string, input: { address: string; provider: ProviderKind; displayName?: string }): Promise<Mailbox> {
    const { rows } = await this.#db.query<MailboxRow>(
      `INSERT INTO mailboxes (tenant_id, address, provider, display_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, provider, address)
       DO UPDATE SET display_name = COALESCE(NULLIF(EXCLUDED.display_name, ''), mailboxes.display_name), updated_at = now()
       RETURNING *`,
      [tenantId, input.address.trim().toLowerCase(), input.provider, input.displayName ?? ''],
    );
    return toMailbox(rows[0]);
  }

  async get(tenantId: string, mailboxId: string): Promise<Mailbox | null> {
    if (!isUuid(mailboxId)) return null;
    const { rows } = await this.#db.query<MailboxRow>('SELECT * FROM mailboxes WHERE tenant_id = $1 AND id = $2', [tenantId, mailboxId]);
    return rows[0] ? toMailbox(rows[0]) : null;
  }

  async findByAddress(tenantId: string, provider: ProviderKind, address: string): Promise<Mailbox | null> {
    const { rows } = await this.#db.query<MailboxRow>('SELECT * FROM mailboxes WHERE tenant_id = $1 AND provider = $2 AND address = $3', [
      tenantId,
      provider,
      address.trim().toLowerCase(),
    ]);
    return rows[0] ? toMailbox(rows[0]) : null;
  }

  async list(tenantId: string, filter: { status?: MailboxStatus } = {}): Promise<Mailbox[]> {
    const { rows } = await this.#db.query<MailboxRow>(
      'SELECT * FROM mailboxes WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY address, provider',
      [tenantId, filter.status ?? null],
    );
    return rows.map(toMailbox);
  }

  /** Pauses, resumes or disables a mailbox. The last error is kept for the dashboard's history. */
  async setStatus(tenantId: string, mailboxId: string, status: Exclude<MailboxStatus, 'error'>): Promise<Mailbox> {
    return this.#update(tenantId, mailboxId, 'status = $3', [status]);
  }

  /** A connector failed (expired token, revoked consent): mark the mailbox and keep why. */
  async recordError(tenantId: string, mailboxId: string, error: string): Promise<Mailbox> {
    return this.#update(tenantId, mailboxId, "status = 'error', last_error = $3, last_error_at = now()", [error]);
  }

  async #update(tenantId: string, mailboxId: string, set: string, params: unknown[]): Promise<Mailbox> {
    const { rows } = isUuid(mailboxId)
      ? await this.#db.query<MailboxRow>(`UPDATE mailboxes SET ${set}, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`, [
          tenantId,
          mailboxId,
          ...params,
        ])
      : { rows: [] };
    if (!rows[0]) throw new StorageError('STORAGE_NOT_FOUND', 'mailbox not found');
    return toMailbox(rows[0]);
  }
}
