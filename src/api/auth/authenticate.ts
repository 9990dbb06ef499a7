import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeysRepository } from '../../storage/api-keys.ts';
import type { ConsoleSessionsRepository } from '../../storage/console-sessions.ts';
import type { UsersRepository } from '../../storage/users.ts';
import { ApiError } from '../errors/api-error.ts';
import type { Principal } from './principal.ts';
import { describeAccess, roleAllows } from './roles.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Authenticators {
  apiKeys: ApiKeysRepository;
  sessions: ConsoleSessionsRepository;
  users: UsersRepository;
}

/**
 * Checks the caller of every request before anything else runs (so an unauthenticated caller
 * learns nothing from validation errors), then the route's role. A route that forgot to say who
 * may call it is refused for everyone rather than left open.
 *
 * Two ways in: `Authorization: Bearer <api key>`, or the console's session cookie. A session's
 * role is read again on every request, so a changed or removed membership applies at once; a
 * state-changing call with the cookie must also echo the session's CSRF token in a header.
 */
export function installAuthentication(app: FastifyInstance, auth: Authenticators): void {
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    // Unknown routes fall through to the not-found handler, which reveals nothing.
    if (request.is404) return;
    const principal = request.headers.authorization !== undefined ? await fromApiKey(request, auth) : await fromSession(request, auth);
    if (!principal) {
      throw new ApiError(
        401,
        'UNAUTHENTICATED',
        'a valid API key is required: send "Authorization: Bearer <api key>" (or log in to the console)',
      );
    }
    request.principal = principal;
    request.log = request.log.child(
      principal.session
        ? { tenantId: principal.tenantId, userId: principal.session.userId }
        : { tenantId: principal.tenantId, apiKeyId: principal.keyId },
    );
    if (principal.session && !SAFE_METHODS.has(request.method) && !csrfMatches(request, principal.session.csrfToken)) {
      throw new ApiError(403, 'CSRF_FAILED', `state-changing calls from the console must send the session's ${CSRF_HEADER} header`);
    }
    if (!access) throw new ApiError(403, 'FORBIDDEN', 'this route has no access rule and is closed');
    if (!roleAllows(principal.role, access)) {
      throw new ApiError(
        403,
        'FORBIDDEN',
        `this ${principal.actor.kind === 'user' ? 'user' : 'API key'} has role ${principal.role}; ${describeAccess(access)}`,
      );
    }
  });
}

async function fromApiKey(request: FastifyRequest, auth: Authenticators): Promise<Principal | null> {
  const match = BEARER.exec(request.headers.authorization ?? '');
  const key = match ? await auth.apiKeys.authenticate(match[1]) : null;
  if (!key) return null;
  return { tenantId: key.tenantId, keyId: key.id, role: key.role, actor: { kind: 'api-key', id: key.id } };
}

async function fromSession(request: FastifyRequest, auth: Authenticators): Promise<Principal | null> {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return null;
  const session = await auth.sessions.find(token);
  if (!session) return null;
  const sessionFacts = { token, userId: session.userId, csrfToken: session.csrfToken };
  if (session.userId) {
    const membership = (await auth.users.memberships(session.userId)).find((m) => m.tenantId === session.tenantId);
    const user = membership ? await auth.users.get(session.userId) : null;
    if (!membership || !user || user.disabledAt) return null;
    return {
      tenantId: session.tenantId,
      keyId: user.id,
      role: membership.role,
      actor: { kind: 'user', id: user.id },
      session: sessionFacts,
    };
  }
  const key = session.apiKeyId ? await auth.apiKeys.get(session.tenantId, session.apiKeyId) : null;
  if (!key || key.revokedAt) return null;
  return { tenantId: key.tenantId, keyId: key.id, role: key.role, actor: { kind: 'api-key', id: key.id }, session: sessionFacts };
}

function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
