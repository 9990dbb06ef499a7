import type { FastifyInstance } from 'fastify';
import type { MailwardMetrics } from './mailward-metrics.ts';

/** Counts every answered request by its route pattern (never the raw URL: ids would explode the label set). */
export function installHttpMetrics(app: FastifyInstance, metrics: MailwardMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
