import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import type { ApiKeyRole } from '../../storage/api-keys.ts';
import { MIN_PASSWORD_LENGTH } from '../../storage/password.ts';
import { createRepositories } from '../../storage/repositories.ts';
import { UsersRepository } from '../../storage/users.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { dateTime, errorResponses, idParams, nullableDateTime, uuid } from '../shared/schemas.ts';

const role = { type: 'string', enum: ['admin', 'analyst', 'read-only'] } as const;
const userSchema = {
  type: 'object',
  properties: {
    id: uuid,
    email: { type: 'string' },
    name: { type: 'string' },
    role,
    createdAt: dateTime,
    lastLoginAt: nullableDateTime,
    disabledAt: nullableDateTime,
  },
} as const;

/** The people who may log in to this tenant's console, and their roles. */
export function registerUserRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const users = new UsersRepository(deps.db);

  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('users', "List the tenant's console users", 'admin'),
        response: {
          200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: userSchema } } },
          ...errorResponses(),
        },
      },
    },
    async (request) => ({ items: await users.listForTenant(principalOf(request).tenantId) }),
  );

  app.post<{ Body: { email: string; name?: string; password?: string; role: ApiKeyRole } }>(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs(
          'users',
          'Add a console user to the tenant',
          'admin',
          'A new email needs a password; an existing user (of another tenant, e.g. an MSP analyst) is given access with the role, keeping their password.',
        ),
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['email', 'role'],
          properties: {
            email: { type: 'string', minLength: 3, maxLength: 320 },
            name: { type: 'string', maxLength: 200 },
            password: { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 },
            role,
          },
        },
        response: { 201: { type: 'object', properties: { user: userSchema, created: { type: 'boolean' } } }, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const result = await deps.db.transaction(async (tx) => {
        const added = await new UsersRepository(tx).addToTenant(principal.tenantId, request.body);
        await createRepositories(tx).audit.append(principal.tenantId, {
          actor: actorOf(principal),
          action: 'user.add',
          target: { kind: 'user', id: added.user.id },
          details: { role: request.body.role, created: added.created },
        });
        return added;
      });
      return reply.code(201).send({ user: { ...result.user, role: request.body.role }, created: result.created });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs(
          'users',
          'Take a user out of the tenant',
          'admin',
          'The account stays for its other tenants; its sessions in this tenant end.',
        ),
        params: idParams('id', 'User id.'),
        response: { 204: { type: 'null', description: 'Removed.' }, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await deps.db.transaction(async (tx) => {
        await new UsersRepository(tx).removeFromTenant(principal.tenantId, request.params.id);
        await createRepositories(tx).audit.append(principal.tenantId, {
          actor: actorOf(principal),
          action: 'user.remove',
          target: { kind: 'user', id: request.params.id },
        });
      });
      return reply.code(204).send();
    },
  );
}
