import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { ApiError } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorSchema } from '../shared/schemas.ts';

const statusSchema = { type: 'object', required: ['status'], properties: { status: { type: 'string' } } } as const;

/** Liveness and readiness for orchestrators: no API key, no tenant data, nothing but a status word. */
export function registerHealthRoutes(app: FastifyInstance, deps: Pick<ServiceDeps, 'db'>): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { ...routeDocs('operations', 'Liveness: the process answers', 'public'), response: { 200: statusSchema } },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        ...routeDocs('operations', 'Readiness: the database answers', 'public'),
        response: { 200: statusSchema, 503: errorSchema },
      },
    },
    async (request) => {
      try {
        await deps.db.query('SELECT 1');
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check: database unreachable');
        throw new ApiError(503, 'NOT_READY', 'the database is not reachable');
      }
      return { status: 'ready' };
    },
  );
}
