import type { Queryable } from './db.ts';
import { StorageError } from './errors.ts';
import { isUuid, json, toDateOrNull } from './rows.ts';

export type ConnectionAuthKind = 'password' | 'oauth2';
export const QUARANTINE_MODES = ['folder', 'delete'] as const;
export type QuarantineMode = (typeof QUARANTINE_MODES)[number];

/** Non-secret OAuth2 facts; the refresh token or access token is in the sealed secret. */
export interface OAuthSettings {
  tokenUrl?: string;
  clientId?: string;
  scope?: string;
}

export interface SyncCursor {
  uidValidity: string;
  lastUid: number;
  modseq: string | null;
}

/** How to reach one connected mailbox and where its sync stands. The secret stays sealed here. */
export interface MailboxConnection {
  tenantId: string;
  mailboxId: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  authKind: ConnectionAuthKind;
  oauth: OAuthSettings;
  sealedSecret: string;
  inboxFolder: string;
  /** This mailbox's own quarantine mode; null follows the tenant's policy (`quarantineModeFor`). */
  quarantineMode: QuarantineMode | null;
  quarantineFolder: string;
  backlogDays: number;
  cursor: SyncCursor | null;
  lastSyncAt: Date | null;
}

export interface NewMailboxConnection {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  authKind: ConnectionAuthKind;
  oauth?: OAuthSettings;
  sealedSecret: string;
  inboxFolder?: string;
  quarantineMode?: QuarantineMode | null;
  quarantineFolder?: string;
  backlogDays?: number;
}

/** The quarantine mode that applies to a mailbox: its own, else the tenant policy's, else `folder`. */
export function quarantineModeFor(connection: Pick<MailboxConnection, 'quarantineMode'>, tenantMode?: QuarantineMode): QuarantineMode {
  return connection.quarantineMode ?? tenantMode ?? 'folder';
}

interface ConnectionRow {
  tenant_id: string;
  mailbox_id: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  auth_kind: ConnectionAuthKind;
  oauth: OAuthSettings;
  sealed_secret: string;
  inbox_folder: string;
  quarantine_mode: QuarantineMode | null;
  quarantine_folder: string;
  backlog_days: number;
  cursor_uid_validity: string | null;
  cursor_last_uid: string | number;
  cursor_modseq: string | null;
  last_sync_at: Date | string | null;
}

function toConnection(row: ConnectionRow): MailboxConnection {
  return {
    tenantId: row.tenant_id,
    mailboxId: row.mailbox_id,
    host: row.host,
    port: Number(row.port),
    tls: row.tls,
    username: row.username,
    authKind: row.auth_kind,
    oauth: row.oauth ?? {},
    sealedSecret: row.sealed_secret,
    inboxFolder: row.inbox_folder,
    quarantineMode: row.quarantine_mode,
    quarantineFolder: row.quarantine_folder,
    backlogDays: Number(row.backlog_days),
    cursor:
      row.cursor_uid_validity === null
        ? null
        : { uidValidity: row.cursor_uid_validity, lastUid: Number(row.cursor_last_uid), modseq: row.cursor_modseq },
    lastSyncAt: toDateOrNull(row.last_sync_at),
  };
}

/** Connection settings and sync cursors of connector mailboxes (one row per mailbox). */
export class MailboxConnectionsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Saves (or replaces) a mailbox's connection; a replaced connection keeps its cursor. */
  async save(tenantId: string, mailboxId: string, input: NewMailboxConnection): Promise<MailboxConnection> {
    const { rows } = await this.#db.query<ConnectionRow>(
      `INSERT INTO mailbox_connections (tenant_id, mailbox_id, host, port, tls, username, auth_kind, oauth, sealed_secret,
         inbox_folder, quarantine_mode, quarantine_folder, backlog_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13)
       ON CONFLICT (tenant_id, mailbox_id) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, tls = EXCLUDED.tls,
         username = EXCLUDED.username, auth_kind = EXCLUDED.auth_kind, oauth = EXCLUDED.oauth, sealed_secret = EXCLUDED.sealed_secret,
         inbox_folder = EXCLUDED.inbox_folder, quarantine_mode = EXCLUDED.quarantine_mode,
         quarantine_folder = EXCLUDED.quarantine_folder, backlog_days = EXCLUDED.backlog_days, updated_at = now()
       RETURNING *`,
      [
        tenantId,
        mailboxId,
        input.host,
        input.port,
        input.tls,
        input.username,
        input.authKind,
        json(input.oauth ?? {}),
        input.sealedSecret,
        input.inboxFolder ?? 'INBOX',
        input.quarantineMode ?? null,
        input.quarantineFolder ?? 'Mailward Quarantine',
        input.backlogDays ?? 7,
      ],
    );
    return toConnection(rows[0]);
  }

  async get(tenantId: string, mailboxId: string): Promise<MailboxConnection | null> {
    if (!isUuid(mailboxId)) return null;
    const { rows } = await this.#db.query<ConnectionRow>('SELECT * FROM mailbox_connections WHERE tenant_id = $1 AND mailbox_id = $2', [
      tenantId,
      mailboxId,
    ]);
    return rows[0] ? toConnection(rows[0]) : null;
  }

  async list(tenantId: string): Promise<MailboxConnection[]> {
    const { rows } = await this.#db.query<ConnectionRow>('SELECT * FROM mailbox_connections WHERE tenant_id = $1', [tenantId]);
    return rows.map(toConnection);
  }

  async remove(tenantId: string, mailboxId: string): Promise<boolean> {
    if (!isUuid(mailboxId)) return false;
    const { rows } = await this.#db.query('DELETE FROM mailbox_connections WHERE tenant_id = $1 AND mailbox_id = $2 RETURNING mailbox_id', [
      tenantId,
      mailboxId,
    ]);
    return rows.length > 0;
  }

  /**
   * Cross-tenant by design (connector processes serve every tenant): the connections of mailboxes
   * that are active or in error, which this watcher holds or nobody holds (lease expired). Each
   * returned row is leased to `watcherId` until `leaseMs` from now, so two connector processes
   * never watch the same mailbox.
   */
  async leaseWatchable(watcherId: string, leaseMs: number): Promise<(MailboxConnection & { status: string })[]> {
    const { rows } = await this.#db.query<ConnectionRow & { status: string }>(
      `UPDATE mailbox_connections c SET watcher_id = $1, watcher_until = now() + ($2::text || ' milliseconds')::interval
       FROM mailboxes m
       WHERE m.tenant_id = c.tenant_id AND m.id = c.mailbox_id AND m.status IN ('active', 'error')
         AND (c.watcher_id = $1 OR c.watcher_until IS NULL OR c.watcher_until < now())
       RETURNING c.*, m.status`,
      [watcherId, String(leaseMs)],
    );
    return rows.map((row) => ({ ...toConnection(row), status: row.status }));
  }

  /** Gives up this watcher's leases (on a clean stop), so another process takes over at once. */
  async releaseLeases(watcherId: string): Promise<void> {
    await this.#db.query('UPDATE mailbox_connections SET watcher_id = NULL, watcher_until = NULL WHERE watcher_id = $1', [watcherId]);
  }

  /** Moves the sync cursor: only forward within one UIDVALIDITY, and to anything on a new one. */
  async saveCursor(tenantId: string, mailboxId: string, cursor: SyncCursor): Promise<void> {
    const { rows } = await this.#db.query(
      `UPDATE mailbox_connections SET cursor_uid_validity = $3, cursor_last_uid = $4, cursor_modseq = $5, last_sync_at = now()
       WHERE tenant_id = $1 AND mailbox_id = $2
         AND (cursor_uid_validity IS DISTINCT FROM $3 OR cursor_last_uid <= $4) RETURNING mailbox_id`,
      [tenantId, mailboxId, cursor.uidValidity, cursor.lastUid, cursor.modseq],
    );
    if (rows.length === 0 && !(await this.get(tenantId, mailboxId)))
      throw new StorageError('STORAGE_NOT_FOUND', 'mailbox connection not found');
  }
}
