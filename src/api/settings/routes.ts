import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import type { TenantSettings } from '../../storage/tenant-settings.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses } from '../shared/schemas.ts';
import { tenantSettingsSchema } from './schemas.ts';

/** Top-level parts that differ, for the audit entry (the values themselves may be long lists). */
function changedParts(before: TenantSettings, after: TenantSettings): string[] {
  return (Object.keys(after) as (keyof TenantSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** The tenant's policy: thresholds, allow and block lists, weight overrides, retention. */
export function registerSettingsRoutes(app: FastifyInstance, deps: Pick<ServiceDeps, 'repos' | 'db'>): void {
  app.get(
    '/settings',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('settings', 'Get the tenant settings', 'admin'),
        response: { 200: tenantSettingsSchema, ...errorResponses() },
      },
    },
    async (request) => deps.repos.settings.get(principalOf(request).tenantId),
  );

  app.put<{ Body: Partial<TenantSettings> }>(
    '/settings',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('settings', 'Replace the tenant settings', 'admin', 'Parts left out take their defaults. Written to the audit log.'),
        body: tenantSettingsSchema,
        response: { 200: tenantSettingsSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      let before: TenantSettings | undefined;
      const after = await deps.repos.settings.update(principal.tenantId, (current) => {
        before = current;
        return request.body as TenantSettings;
      });
      await deps.repos.audit.append(principal.tenantId, {
        actor: actorOf(principal),
        action: 'settings.update',
        target: { kind: 'settings', id: principal.tenantId },
        details: { changed: before ? changedParts(before, after) : [] },
      });
      return after;
    },
  );
}
