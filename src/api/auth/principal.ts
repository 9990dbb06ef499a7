import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../storage/actors.ts';
import type { ApiKeyRole } from '../../storage/api-keys.ts';
import type { RouteAccess } from './roles.ts';

/**
 * The caller: an API key, or a person logged in to the console (their role in the session's
 * current tenant). Every query of the request is scoped to `tenantId`.
 */
export interface Principal {
  tenantId: string;
  /** The id decisions are recorded under (`decidedBy`): the API key's id, or the user's. */
  keyId: string;
  role: ApiKeyRole;
  actor: Actor;
  /** Set when the caller came in with the console's session cookie. */
  session?: { token: string; userId: string | null; csrfToken: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Required on every route: who may call it. */
    access?: RouteAccess;
  }
}

/** The authenticated caller; routes behind authentication always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('route reached without an authenticated principal');
  return request.principal;
}

export function actorOf(principal: Principal): Actor {
  return principal.actor;
}
