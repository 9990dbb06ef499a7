import { StorageError } from '../storage/errors.ts';
import { createRepositories } from '../storage/repositories.ts';
import type { Tenant } from '../storage/tenants.ts';
import type { ServiceDeps } from './deps.ts';

export interface FirstStart {
  tenant: Tenant;
  /** The admin API key's token: shown once, stored only as a hash. */
  adminToken: string;
}

/**
 * First start with an empty database: a default tenant (the configured domain) and an admin API
 * key, in one transaction, so a newcomer can call the API at once. Returns null when tenants
 * already exist, including when another process starting at the same moment won the race.
 */
export async function bootstrapFirstStart(deps: Pick<ServiceDeps, 'db' | 'repos' | 'config' | 'log'>): Promise<FirstStart | null> {
  if ((await deps.repos.tenants.list()).length > 0) return null;
  try {
    return await deps.db.transaction(async (tx) => {
      const repos = createRepositories(tx);
      if ((await repos.tenants.list()).length > 0) return null;
      const { name, domain } = deps.config.defaultTenant;
      const tenant = await repos.tenants.create({ name, domains: [domain] });
      const { key, token } = await repos.apiKeys.create(tenant.id, { name: 'first admin key (created at first start)', role: 'admin' });
      await repos.audit.append(tenant.id, {
        actor: { kind: 'system', id: 'bootstrap' },
        action: 'api-key.create',
        target: { kind: 'api-key', id: key.id },
        details: { role: 'admin', reason: 'first start' },
      });
      return { tenant, adminToken: token };
    });
  } catch (error) {
    if (error instanceof StorageError && error.code === 'STORAGE_CONFLICT') {
      deps.log.info('another process created the default tenant first');
      return null;
    }
    throw error;
  }
}
