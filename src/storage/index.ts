/** The storage layer's public surface: open a database, then use the repositories. */

export type { ActionState, StoredAction } from './actions.ts';
export type { Actor, ActorKind } from './actors.ts';
export type { ApiKey, ApiKeyRole } from './api-keys.ts';
export type { AuditEntry, AuditFilter } from './audit-log.ts';
export type { BehaviourEntry, BehaviourEntryKey, BehaviourEntryKind } from './behaviour-profiles.ts';
export type { Page, PageRequest } from './cursor.ts';
export type { Db, Queryable, QueryResult, ScriptRunner } from './db.ts';
export { StorageError, type StorageErrorCode } from './errors.ts';
export type { Mailbox, MailboxStatus, ProviderKind } from './mailboxes.ts';
export type { MessageFilter, VerdictDayCount } from './message-list.ts';
export type { StoredMessage } from './message-rows.ts';
export type { IngestResult, NewMessage } from './messages.ts';
export { loadMigrations, type Migration, migrate } from './migrate.ts';
export type { NotThreatDecision, NotThreatKind } from './not-threat.ts';
export { type OpenDbOptions, openDb } from './open-db.ts';
export type { QuarantineEntry, QuarantineListItem, QuarantineState } from './quarantine.ts';
export { sha256Hex } from './raw-mime.ts';
export { createRepositories, type Repositories } from './repositories.ts';
export type { PurgeResult } from './retention.ts';
export type { StoredScanReport } from './scan-reports.ts';
export { defaultTenantSettings, normalizeTenantSettings, type TenantSettings } from './tenant-settings.ts';
export type { Tenant } from './tenants.ts';
