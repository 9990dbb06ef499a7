import type { ApiKeyRole } from '../../storage/api-keys.ts';

/**
 * Who may call a route. Roles are ordered: read-only reads; analyst also triages (release,
 * delete, not a threat, upload); admin also manages settings, API keys, dead jobs and raw mail.
 */
export type RouteAccess = 'public' | ApiKeyRole;

const RANK: Record<ApiKeyRole, number> = { 'read-only': 0, analyst: 1, admin: 2 };

export function roleAllows(role: ApiKeyRole, required: ApiKeyRole): boolean {
  return RANK[role] >= RANK[required];
}

/** How the OpenAPI document and refusals describe a route's access. */
export function describeAccess(access: RouteAccess): string {
  if (access === 'public') return 'No API key needed.';
  if (access === 'read-only') return 'Any API key (read-only, analyst or admin).';
  if (access === 'analyst') return 'API key with role analyst or admin.';
  return 'API key with role admin.';
}
