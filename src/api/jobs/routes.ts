import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { notFound } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { dateTime, errorResponses } from '../shared/schemas.ts';
import { listTenantDeadJobs, retryTenantDeadJob } from './tenant-dead-jobs.ts';

const deadJobSchema = {
  type: 'object',
  properties: {
    jobId: { type: 'string' },
    type: { type: 'string' },
    payload: { type: 'object', additionalProperties: true, description: 'Ids only (tenant, mailbox, message); never message content.' },
    attempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    diedAt: dateTime,
  },
} as const;

/** Jobs that failed every retry: see them, and run one again after fixing the cause. */
export function registerDeadJobRoutes(app: FastifyInstance, deps: Pick<ServiceDeps, 'queue' | 'repos'>): void {
  app.get<{ Querystring: { limit?: number } }>(
    '/jobs/dead',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('jobs', 'List dead jobs (failed every retry)', 'admin'),
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
        },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: deadJobSchema } } }, ...errorResponses() },
      },
    },
    async (request) => ({ items: await listTenantDeadJobs(deps.queue, principalOf(request).tenantId, request.query.limit ?? 100) }),
  );

  app.post<{ Params: { jobId: string } }>(
    '/jobs/dead/:jobId/retry',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('jobs', 'Run a dead job again with a fresh attempt budget', 'admin'),
        params: {
          type: 'object',
          required: ['jobId'],
          properties: { jobId: { type: 'string', minLength: 1, maxLength: 100 } },
        },
        response: {
          202: { type: 'object', properties: { jobId: { type: 'string' }, retried: { type: 'boolean' } } },
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { jobId } = request.params;
      if (!(await retryTenantDeadJob(deps.queue, principal.tenantId, jobId))) throw notFound('dead job');
      await deps.repos.audit.append(principal.tenantId, {
        actor: actorOf(principal),
        action: 'job.retry',
        target: { kind: 'job', id: jobId },
      });
      return reply.status(202).send({ jobId, retried: true });
    },
  );
}
