import { POLICY_ACTIONS, type PolicyAction } from '../config/service-config.ts';
import { VERDICT_CLASSES, type VerdictClass } from '../core/verdict.ts';
import type { Queryable } from './db.ts';
import { StorageError } from './errors.ts';
import { QUARANTINE_MODES, type QuarantineMode } from './mailbox-connections.ts';
import { json } from './rows.ts';
import { withTransaction } from './transaction.ts';

/** Score thresholds a tenant may move; same names as the scoring config's thresholds. */
export type ThresholdName = 'suspicious' | 'phish' | 'malware' | 'spam';

export interface SenderList {
  /** Exact addresses, lower-case. */
  senders: string[];
  /** Sender domains, lower-case; a domain also covers its subdomains. */
  domains: string[];
}

/**
 * The tenant's own policy (what a verdict class does), over the service-wide one: classes left
 * out, and `dryRun` left out, take the service's setting.
 */
export interface TenantPolicy {
  dryRun?: boolean;
  actions: Partial<Record<VerdictClass, PolicyAction>>;
  /**
   * How quarantine takes a message out of a connected mailbox: `folder` moves it to a folder the
   * user does not see, `delete` deletes it (its bytes stay in Mailward's quarantine). Left out:
   * `folder`. A mailbox may override it.
   */
  quarantineMode?: QuarantineMode;
}

export interface TenantSettings {
  /** Overrides of the default thresholds; absent names keep the defaults. */
  thresholds: Partial<Record<ThresholdName, number>>;
  allowList: SenderList;
  blockList: SenderList;
  /** Weight overrides by signal id (`URL_IP_HOST: 2`). */
  signalWeights: Record<string, number>;
  /**
   * People whose names attackers borrow (executives, finance, HR), as display names: an outside
   * sender using one is flagged (`SENDER_DISPLAY_NAME_VIP`).
   */
  vipNames: string[];
  policy: TenantPolicy;
  retention: {
    /** Days to keep messages judged clean or graymail. */
    cleanDays: number;
    /** Days to keep flagged (and not yet scanned) messages: evidence is kept longer. */
    threatDays: number;
  };
}

export const DEFAULT_RETENTION = { cleanDays: 30, threatDays: 90 } as const;

export function defaultTenantSettings(): TenantSettings {
  return {
    thresholds: {},
    allowList: { senders: [], domains: [] },
    blockList: { senders: [], domains: [] },
    signalWeights: {},
    vipNames: [],
    policy: { actions: {} },
    retention: { ...DEFAULT_RETENTION },
  };
}

const THRESHOLD_NAMES: ThresholdName[] = ['suspicious', 'phish', 'malware', 'spam'];
const MAX_RETENTION_DAYS = 3650;

function invalid(message: string): never {
  throw new StorageError('STORAGE_INVALID_VALUE', `tenant settings: ${message}`);
}

function senderList(value: unknown, name: string): SenderList {
  const list = (value ?? {}) as Partial<SenderList>;
  const strings = (items: unknown, field: string) => {
    if (items === undefined) return [];
    if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) invalid(`${name}.${field} must be a list of strings`);
    return [...new Set((items as string[]).map((item) => item.trim().toLowerCase()).filter(Boolean))];
  };
  return { senders: strings(list.senders, 'senders'), domains: strings(list.domains, 'domains') };
}

function tenantPolicy(value: unknown): TenantPolicy {
  const raw = (value ?? {}) as { dryRun?: unknown; actions?: unknown; quarantineMode?: unknown };
  const policy: TenantPolicy = { actions: {} };
  if (raw.dryRun !== undefined) {
    if (typeof raw.dryRun !== 'boolean') invalid('policy.dryRun must be true or false');
    policy.dryRun = raw.dryRun;
  }
  for (const [verdict, action] of Object.entries((raw.actions ?? {}) as Record<string, unknown>)) {
    if (!VERDICT_CLASSES.includes(verdict as VerdictClass)) invalid(`policy.actions: unknown verdict class ${verdict}`);
    if (!POLICY_ACTIONS.includes(action as PolicyAction)) invalid(`policy.actions.${verdict} must be one of ${POLICY_ACTIONS.join(', ')}`);
    policy.actions[verdict as VerdictClass] = action as PolicyAction;
  }
  if (raw.quarantineMode !== undefined) {
    if (!QUARANTINE_MODES.includes(raw.quarantineMode as QuarantineMode))
      invalid(`policy.quarantineMode must be one of ${QUARANTINE_MODES.join(', ')}`);
    policy.quarantineMode = raw.quarantineMode as QuarantineMode;
  }
  return policy;
}

/** Checks a settings document and fills defaults. Pure: used on read and before every write. */
export function normalizeTenantSettings(value: unknown): TenantSettings {
  const raw = (value ?? {}) as Partial<Record<keyof TenantSettings, unknown>>;
  const defaults = defaultTenantSettings();
  const thresholds: TenantSettings['thresholds'] = {};
  for (const [name, score] of Object.entries((raw.thresholds ?? {}) as Record<string, unknown>)) {
    if (!THRESHOLD_NAMES.includes(name as ThresholdName)) invalid(`unknown threshold ${name}`);
    if (typeof score !== 'number' || !Number.isFinite(score)) invalid(`threshold ${name} must be a number`);
    thresholds[name as ThresholdName] = score;
  }
  const signalWeights: Record<string, number> = {};
  for (const [id, weight] of Object.entries((raw.signalWeights ?? {}) as Record<string, unknown>)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(id)) invalid(`signal id ${id} is not SCREAMING_SNAKE`);
    if (typeof weight !== 'number' || !Number.isFinite(weight)) invalid(`weight of ${id} must be a number`);
    signalWeights[id] = weight;
  }
  const vipNames = raw.vipNames ?? [];
  if (!Array.isArray(vipNames) || vipNames.some((name) => typeof name !== 'string')) invalid('vipNames must be a list of names');
  const retentionIn = (raw.retention ?? {}) as Partial<TenantSettings['retention']>;
  const retention = { ...defaults.retention, ...retentionIn };
  for (const [name, days] of Object.entries(retention)) {
    if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS)
      invalid(`retention.${name} must be 1..${MAX_RETENTION_DAYS} days`);
  }
  return {
    thresholds,
    allowList: senderList(raw.allowList, 'allowList'),
    blockList: senderList(raw.blockList, 'blockList'),
    signalWeights,
    vipNames: [...new Set((vipNames as string[]).map((name) => name.trim().replace(/\s+/g, ' ')).filter(Boolean))],
    policy: tenantPolicy(raw.policy),
    retention: { cleanDays: retention.cleanDays, threatDays: retention.threatDays },
  };
}

/** Per-tenant policy, one JSON document, always returned complete and valid. */
export class TenantSettingsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async get(tenantId: string): Promise<TenantSettings> {
    const { rows } = await this.#db.query<{ settings: unknown }>('SELECT settings FROM tenant_settings WHERE tenant_id = $1', [tenantId]);
    return normalizeTenantSettings(rows[0]?.settings);
  }

  async getRetention(tenantId: string): Promise<TenantSettings['retention']> {
    return (await this.get(tenantId)).retention;
  }

  async getThresholds(tenantId: string): Promise<TenantSettings['thresholds']> {
    return (await this.get(tenantId)).thresholds;
  }

  async getSignalWeights(tenantId: string): Promise<Record<string, number>> {
    return (await this.get(tenantId)).signalWeights;
  }

  /** Replaces the whole document after checking it. */
  async set(tenantId: string, settings: TenantSettings): Promise<TenantSettings> {
    const valid = normalizeTenantSettings(settings);
    await this.#db.query(
      `INSERT INTO tenant_settings (tenant_id, settings) VALUES ($1, $2::jsonb)
       ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()`,
      [tenantId, json(valid)],
    );
    return valid;
  }

  /**
   * Read-modify-write under a row lock, so two admins changing different parts (one the allow
   * list, one the retention) both keep their change.
   */
  async update(tenantId: string, change: (current: TenantSettings) => TenantSettings): Promise<TenantSettings> {
    return withTransaction(this.#db, async (tx) => {
      await tx.query('INSERT INTO tenant_settings (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING', [tenantId]);
      const { rows } = await tx.query<{ settings: unknown }>('SELECT settings FROM tenant_settings WHERE tenant_id = $1 FOR UPDATE', [
        tenantId,
      ]);
      return new TenantSettingsRepository(tx).set(tenantId, change(normalizeTenantSettings(rows[0].settings)));
    });
  }
}
