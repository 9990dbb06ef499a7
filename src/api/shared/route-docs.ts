import { describeAccess, type RouteAccess } from '../auth/roles.ts';

/** The OpenAPI fields of a route: tag, summary, and its access rule in words and as security. */
export function routeDocs(tag: string, summary: string, access: RouteAccess, description?: string) {
  const parts = [description, `Access: ${describeAccess(access)}`].filter(Boolean);
  return {
    tags: [tag],
    summary,
    description: parts.join('\n\n'),
    ...(access === 'public' ? { security: [] } : { security: [{ apiKey: [] }] }),
  };
}
