import { ActionsRepository } from './actions.ts';
import { ApiKeysRepository } from './api-keys.ts';
import { AuditLogRepository } from './audit-log.ts';
import { BehaviourProfilesRepository } from './behaviour-profiles.ts';
import type { Queryable } from './db.ts';
import { MailboxConnectionsRepository } from './mailbox-connections.ts';
import { MailboxesRepository } from './mailboxes.ts';
import { MessageLocationsRepository } from './message-locations.ts';
import { MessagesRepository } from './messages.ts';
import { NotThreatRepository } from './not-threat.ts';
import { QuarantineRepository } from './quarantine.ts';
import { RawMimeRepository } from './raw-mime.ts';
import { RetentionRepository } from './retention.ts';
import { ScanReportsRepository } from './scan-reports.ts';
import { TenantModelRepository } from './tenant-model.ts';
import { TenantSettingsRepository } from './tenant-settings.ts';
import { TenantsRepository } from './tenants.ts';
import { UserReportsRepository } from './user-reports.ts';

export interface Repositories {
  tenants: TenantsRepository;
  settings: TenantSettingsRepository;
  mailboxes: MailboxesRepository;
  messages: MessagesRepository;
  rawMime: RawMimeRepository;
  reports: ScanReportsRepository;
  quarantine: QuarantineRepository;
  actions: ActionsRepository;
  audit: AuditLogRepository;
  apiKeys: ApiKeysRepository;
  notThreat: NotThreatRepository;
  retention: RetentionRepository;
  connections: MailboxConnectionsRepository;
  locations: MessageLocationsRepository;
  tenantModel: TenantModelRepository;
  userReports: UserReportsRepository;
  behaviourProfiles: BehaviourProfilesRepository;
}

/**
 * Every repository over one connection. Pass the `Db` for ordinary use, or a transaction handle
 * (`db.transaction(tx => ...createRepositories(tx)...)`) to make several calls atomic.
 */
export function createRepositories(db: Queryable): Repositories {
  return {
    tenants: new TenantsRepository(db),
    settings: new TenantSettingsRepository(db),
    mailboxes: new MailboxesRepository(db),
    messages: new MessagesRepository(db),
    rawMime: new RawMimeRepository(db),
    reports: new ScanReportsRepository(db),
    quarantine: new QuarantineRepository(db),
    actions: new ActionsRepository(db),
    audit: new AuditLogRepository(db),
    apiKeys: new ApiKeysRepository(db),
    notThreat: new NotThreatRepository(db),
    retention: new RetentionRepository(db),
    connections: new MailboxConnectionsRepository(db),
    locations: new MessageLocationsRepository(db),
    tenantModel: new TenantModelRepository(db),
    userReports: new UserReportsRepository(db),
    behaviourProfiles: new BehaviourProfilesRepository(db),
  };
}
