import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { principalOf } from '../auth/principal.ts';
import { ApiError } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { dateTime, errorResponses, timeRangeProperties } from '../shared/schemas.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

const verdictCounts = {
  type: 'object',
  description: 'Messages by latest verdict class (`unscanned`: no report yet); absent classes are zero.',
  additionalProperties: { type: 'integer' },
} as const;

/** Counts by verdict per UTC day, for the dashboard chart. */
export function registerStatsRoutes(app: FastifyInstance, deps: Pick<ServiceDeps, 'repos' | 'clock'>): void {
  app.get<{ Querystring: { since?: string; until?: string } }>(
    '/stats/verdicts',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs(
          'stats',
          'Messages received per day by verdict',
          'read-only',
          `Default range: the last ${DEFAULT_DAYS} days; at most ${MAX_DAYS}.`,
        ),
        querystring: { type: 'object', additionalProperties: false, properties: timeRangeProperties },
        response: {
          200: {
            type: 'object',
            required: ['since', 'until', 'days'],
            properties: {
              since: dateTime,
              until: dateTime,
              days: {
                type: 'array',
                items: { type: 'object', properties: { day: { type: 'string', format: 'date' }, counts: verdictCounts } },
              },
            },
          },
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const until = request.query.until ? new Date(request.query.until) : deps.clock();
      const since = request.query.since ? new Date(request.query.since) : new Date(until.getTime() - DEFAULT_DAYS * DAY_MS);
      if (since >= until) throw new ApiError(400, 'VALIDATION_FAILED', 'since must be before until');
      if (until.getTime() - since.getTime() > MAX_DAYS * DAY_MS) {
        throw new ApiError(400, 'VALIDATION_FAILED', `the range may span at most ${MAX_DAYS} days`);
      }
      const rows = await deps.repos.messages.countByVerdictPerDay(principalOf(request).tenantId, { since, until });
      const byDay = new Map<string, Record<string, number>>();
      for (const row of rows) {
        const counts = byDay.get(row.day) ?? {};
        counts[row.verdict] = row.count;
        byDay.set(row.day, counts);
      }
      return { since, until, days: [...byDay].map(([day, counts]) => ({ day, counts })) };
    },
  );
}
