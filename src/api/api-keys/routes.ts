import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import type { ApiKeyRole } from '../../storage/api-keys.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { notFound } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { dateTime, errorResponses, idParams, nullableDateTime, uuid } from '../shared/schemas.ts';

const role = { type: 'string', enum: ['admin', 'analyst', 'read-only'] } as const;

const apiKeySchema = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    role,
    prefix: { type: 'string', description: 'Visible part of the key, to tell keys apart.' },
    createdAt: dateTime,
    lastUsedAt: nullableDateTime,
    revokedAt: nullableDateTime,
  },
} as const;

/** The tenant's API keys. The secret exists only in the answer to create: it is stored as a hash. */
export function registerApiKeyRoutes(app: FastifyInstance, deps: Pick<ServiceDeps, 'repos'>): void {
  app.get(
    '/api-keys',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('api-keys', 'List API keys (without secrets)', 'admin'),
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: apiKeySchema } } }, ...errorResponses() },
      },
    },
    async (request) => ({ items: await deps.repos.apiKeys.list(principalOf(request).tenantId) }),
  );

  app.post<{ Body: { name: string; role: ApiKeyRole } }>(
    '/api-keys',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('api-keys', 'Create an API key', 'admin', 'The answer holds the key itself (`token`), shown this once only.'),
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'role'],
          properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, role },
        },
        response: {
          201: { type: 'object', required: ['key', 'token'], properties: { key: apiKeySchema, token: { type: 'string' } } },
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const created = await deps.repos.apiKeys.create(principal.tenantId, request.body);
      await deps.repos.audit.append(principal.tenantId, {
        actor: actorOf(principal),
        action: 'api-key.create',
        target: { kind: 'api-key', id: created.key.id },
        details: { name: created.key.name, role: created.key.role, prefix: created.key.prefix },
      });
      return reply.status(201).send(created);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api-keys/:id',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('api-keys', 'Revoke an API key', 'admin', 'The key stops working at once; it stays listed for the record.'),
        params: idParams('id', 'API key id.'),
        response: { 200: apiKeySchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (!(await deps.repos.apiKeys.get(principal.tenantId, request.params.id))) throw notFound('API key');
      const key = await deps.repos.apiKeys.revoke(principal.tenantId, request.params.id);
      await deps.repos.audit.append(principal.tenantId, {
        actor: actorOf(principal),
        action: 'api-key.revoke',
        target: { kind: 'api-key', id: key.id },
        details: { name: key.name, prefix: key.prefix },
      });
      return key;
    },
  );
}
