import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { ConsoleSessionsRepository } from '../../storage/console-sessions.ts';
import { UsersRepository } from '../../storage/users.ts';
import { type Principal, principalOf } from '../auth/principal.ts';
import { clearSessionCookie, SESSION_TTL_MS, setSessionCookie } from '../auth/session-cookie.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses, uuid } from '../shared/schemas.ts';
import { LoginThrottle } from './login-throttle.ts';

const role = { type: 'string', enum: ['admin', 'analyst', 'read-only'] } as const;

const sessionSchema = {
  type: 'object',
  required: ['kind', 'role', 'tenant', 'tenants'],
  properties: {
    kind: { type: 'string', enum: ['user', 'api-key'] },
    user: { type: ['object', 'null'], properties: { id: uuid, email: { type: 'string' }, name: { type: 'string' } } },
    role,
    tenant: { type: 'object', properties: { id: uuid, name: { type: 'string' } } },
    tenants: {
      type: 'array',
      description: 'Every tenant this login may switch to, with its role there.',
      items: { type: 'object', properties: { id: uuid, name: { type: 'string' }, role } },
    },
    csrfToken: {
      type: ['string', 'null'],
      description: 'Send as `X-CSRF-Token` on every state-changing call made with the session cookie.',
    },
  },
} as const;

const INVALID_LOGIN = 'the email or password is not right';

/**
 * The console's login: a user's email and password, or an API key; either opens a session held
 * in an HttpOnly, SameSite=Strict cookie. Users who manage several tenants switch between them.
 */
export function registerSessionRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const users = new UsersRepository(deps.db);
  const sessions = new ConsoleSessionsRepository(deps.db);
  const throttle = new LoginThrottle();

  async function describe(principal: Principal, csrfToken: string | null) {
    const tenant = await deps.repos.tenants.get(principal.tenantId);
    if (principal.actor.kind === 'user') {
      const user = await users.get(principal.actor.id);
      const memberships = await users.memberships(principal.actor.id);
      return {
        kind: 'user' as const,
        user: user ? { id: user.id, email: user.email, name: user.name } : null,
        role: principal.role,
        tenant: { id: principal.tenantId, name: tenant?.name ?? '' },
        tenants: memberships.map((m) => ({ id: m.tenantId, name: m.tenantName, role: m.role })),
        csrfToken,
      };
    }
    const self = { id: principal.tenantId, name: tenant?.name ?? '', role: principal.role };
    return { kind: 'api-key' as const, user: null, role: principal.role, tenant: self, tenants: [self], csrfToken };
  }

  async function open(request: FastifyRequest, reply: FastifyReply, input: { userId?: string; apiKeyId?: string; tenantId: string }) {
    const { token, session } = await sessions.open({ ...input, ttlMs: SESSION_TTL_MS });
    setSessionCookie(request, reply, token);
    return session.csrfToken;
  }

  app.post<{ Body: { email: string; password: string; tenantId?: string } }>(
    '/session/login',
    {
      config: { access: 'public' },
      schema: {
        ...routeDocs('session', 'Log in to the console with email and password', 'public', 'Sets the session cookie.'),
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['email', 'password'],
          properties: {
            email: { type: 'string', minLength: 3, maxLength: 320 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
            tenantId: { ...uuid, description: 'Tenant to open (default: the first one, by name).' },
          },
        },
        response: { 200: sessionSchema, ...errorResponses(429) },
      },
    },
    async (request, reply) => {
      const keys = [`email:${request.body.email.trim().toLowerCase()}`, `ip:${request.ip}`];
      const wait = throttle.retryAfter(keys);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new ApiError(429, 'TOO_MANY_ATTEMPTS', `too many failed logins; try again in ${wait} seconds`);
      }
      const user = await users.verifyLogin(request.body.email, request.body.password);
      const memberships = user ? await users.memberships(user.id) : [];
      const membership = request.body.tenantId ? memberships.find((m) => m.tenantId === request.body.tenantId) : memberships[0];
      if (!user || !membership) {
        throttle.fail(keys);
        request.log.info('console login refused');
        throw new ApiError(401, 'UNAUTHENTICATED', INVALID_LOGIN);
      }
      throttle.succeed(keys[0]);
      const csrfToken = await open(request, reply, { userId: user.id, tenantId: membership.tenantId });
      await deps.repos.audit.append(membership.tenantId, { actor: { kind: 'user', id: user.id }, action: 'session.login' });
      return describe(
        { tenantId: membership.tenantId, keyId: user.id, role: membership.role, actor: { kind: 'user', id: user.id } },
        csrfToken,
      );
    },
  );

  app.post<{ Body: { apiKey: string } }>(
    '/session/api-key',
    {
      config: { access: 'public' },
      schema: {
        ...routeDocs(
          'session',
          'Log in to the console with an API key',
          'public',
          'Sets the session cookie; the key is not kept in the browser.',
        ),
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['apiKey'],
          properties: { apiKey: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: sessionSchema, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const key = await deps.repos.apiKeys.authenticate(request.body.apiKey.trim());
      if (!key) throw new ApiError(401, 'UNAUTHENTICATED', 'this API key is not valid');
      const csrfToken = await open(request, reply, { apiKeyId: key.id, tenantId: key.tenantId });
      return describe({ tenantId: key.tenantId, keyId: key.id, role: key.role, actor: { kind: 'api-key', id: key.id } }, csrfToken);
    },
  );

  app.get(
    '/session',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('session', 'Who is logged in, in which tenant, with which role', 'read-only'),
        response: { 200: sessionSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return describe(principal, principal.session?.csrfToken ?? null);
    },
  );

  app.post<{ Body: { tenantId: string } }>(
    '/session/tenant',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs(
          'session',
          'Switch the console to another tenant of the user',
          'read-only',
          'Only for user sessions; the role is the one the user has there.',
        ),
        body: { type: 'object', additionalProperties: false, required: ['tenantId'], properties: { tenantId: uuid } },
        response: { 200: sessionSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (!principal.session || principal.actor.kind !== 'user') {
        throw new ApiError(400, 'VALIDATION_FAILED', 'only a user logged in to the console can switch tenants');
      }
      const membership = (await users.memberships(principal.actor.id)).find((m) => m.tenantId === request.body.tenantId);
      // Not a member: the same answer as for a tenant that does not exist.
      if (!membership) throw notFound('tenant');
      await sessions.switchTenant(principal.session.token, membership.tenantId);
      await deps.repos.audit.append(membership.tenantId, { actor: principal.actor, action: 'session.switch-tenant' });
      return describe({ ...principal, tenantId: membership.tenantId, role: membership.role }, principal.session.csrfToken);
    },
  );

  app.post(
    '/session/logout',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('session', 'Log out of the console', 'read-only', 'Ends the session and clears its cookie.'),
        response: { 204: { type: 'null', description: 'Logged out.' }, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.session) await sessions.close(principal.session.token);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );
}
