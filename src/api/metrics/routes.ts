import type { FastifyInstance } from 'fastify';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses } from '../shared/schemas.ts';
import type { MailwardMetrics } from './mailward-metrics.ts';

/**
 * Prometheus scrape endpoint. It needs an admin key: `buildApi` does not know where the server
 * will listen, so it cannot rely on a loopback-only bind. Configure the scraper with a bearer
 * token (an admin key of the operators' tenant). The figures are process-wide and carry no
 * tenant labels.
 */
export function registerMetricsRoutes(app: FastifyInstance, metrics: MailwardMetrics): void {
  app.get(
    '/metrics',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs(
          'operations',
          'Prometheus metrics',
          'admin',
          'Text exposition format: requests, latencies, messages ingested and scanned by verdict.',
        ),
        response: {
          200: { description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } },
          ...errorResponses(),
        },
      },
    },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
