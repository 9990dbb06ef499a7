import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../storage/actors.ts';
import type { ApiKeyRole } from '../../storage/api-keys.ts';
import type { RouteAccess } from './roles.ts';

/** The caller, as its API key tells: every query of the request is scoped to `tenantId`. */
export interface Principal {
  tenantId: string;
  keyId: string;
  role: ApiKeyRole;
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
  return { kind: 'api-key', id: principal.keyId };
}
