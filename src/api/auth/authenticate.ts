import type { FastifyInstance } from 'fastify';
import type { ApiKeysRepository } from '../../storage/api-keys.ts';
import { ApiError } from '../errors/api-error.ts';
import { describeAccess, roleAllows } from './roles.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Checks the API key of every request before anything else runs (so an unauthenticated caller
 * learns nothing from validation errors), then the route's role. A route that forgot to say who
 * may call it is refused for everyone rather than left open.
 */
export function installAuthentication(app: FastifyInstance, apiKeys: ApiKeysRepository): void {
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    // Unknown routes fall through to the not-found handler, which reveals nothing.
    if (request.is404) return;
    const match = BEARER.exec(request.headers.authorization ?? '');
    const key = match ? await apiKeys.authenticate(match[1]) : null;
    if (!key) throw new ApiError(401, 'UNAUTHENTICATED', 'a valid API key is required: send "Authorization: Bearer <api key>"');
    request.principal = { tenantId: key.tenantId, keyId: key.id, role: key.role };
    request.log = request.log.child({ tenantId: key.tenantId, apiKeyId: key.id });
    if (!access) throw new ApiError(403, 'FORBIDDEN', 'this route has no access rule and is closed');
    if (!roleAllows(key.role, access)) {
      throw new ApiError(403, 'FORBIDDEN', `this API key has role ${key.role}; ${describeAccess(access)}`);
    }
  });
}
