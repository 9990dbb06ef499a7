import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { principalOf } from '../auth/principal.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { dateTime, errorResponses, pageOf, pageQueryProperties, timeRangeProperties } from '../shared/schemas.ts';

const auditEntrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    actor: { type: 'object', properties: { kind: { type: 'string', enum: ['user', 'api-key', 'system'] }, id: { type: 'string' } } },
    action: { type: 'string', description: 'Dotted verb: `quarantine.release`, `settings.update`, `api-key.create`.' },
    target: { type: ['object', 'null'], properties: { kind: { type: 'string' }, id: { type: 'string' } } },
    details: { type: 'object', additionalProperties: true },
    at: dateTime,
  },
} as const;

interface AuditQuery {
  action?: string;
  actorId?: string;
  targetId?: string;
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
}

/** The tenant's audit trail (who released, deleted, changed settings, created keys). */
export function registerAuditRoutes(app: FastifyInstance, deps: Pick<ServiceDeps, 'repos'>): void {
  app.get<{ Querystring: AuditQuery }>(
    '/audit',
    {
      config: { access: 'analyst' },
      schema: {
        ...routeDocs('audit', 'List audit entries, newest first', 'analyst'),
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            action: { type: 'string', maxLength: 100 },
            actorId: { type: 'string', maxLength: 200 },
            targetId: { type: 'string', maxLength: 200 },
            ...timeRangeProperties,
            ...pageQueryProperties,
          },
        },
        response: { 200: pageOf(auditEntrySchema), ...errorResponses() },
      },
    },
    async (request) => {
      const q = request.query;
      return deps.repos.audit.list(
        principalOf(request).tenantId,
        {
          action: q.action,
          actorId: q.actorId,
          targetId: q.targetId,
          since: q.since ? new Date(q.since) : undefined,
          until: q.until ? new Date(q.until) : undefined,
        },
        { limit: q.limit, cursor: q.cursor },
      );
    },
  );
}
