import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { effectiveness } from '../../storage/effectiveness-stats.ts';
import { principalOf } from '../auth/principal.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { dateTime, errorResponses, timeRangeProperties } from '../shared/schemas.ts';
import { effectivenessCsv } from './effectiveness-csv.ts';
import { DEFAULT_DAYS, MAX_DAYS, resolveRange } from './range.ts';

const count = { type: 'integer' } as const;
const nullableNumber = { type: ['number', 'null'] } as const;

const effectivenessSchema = {
  type: 'object',
  required: ['since', 'until', 'scanned', 'threats', 'threatsByClass', 'layers'],
  properties: {
    since: dateTime,
    until: dateTime,
    scanned: count,
    threats: count,
    threatsByClass: { type: 'object', additionalProperties: count },
    layers: {
      type: 'object',
      description: 'Threats by who caught them; each message in one bucket. Third party: a gateway or another vendor.',
      properties: { mailwardOnly: count, providerOnly: count, both: count, thirdPartyOnly: count, mailwardAndThirdParty: count },
    },
    userReportedUncaught: { ...count, description: 'Reported by a person; no layer had caught it.' },
    falsePositiveReleases: { ...count, description: 'Quarantined messages a person released in the range.' },
    remediation: {
      type: 'object',
      description: 'Seconds from delivery to quarantine.',
      properties: { count, p50Seconds: nullableNumber, p95Seconds: nullableNumber },
    },
    topTargetedUsers: { type: 'array', items: { type: 'object', properties: { address: { type: 'string' }, threats: count } } },
    topSenderDomains: { type: 'array', items: { type: 'object', properties: { domain: { type: 'string' }, threats: count } } },
  },
} as const;

const rangeQuery = { type: 'object', additionalProperties: false, properties: timeRangeProperties } as const;
const rangeWords = `Messages by received time. Default range: the last ${DEFAULT_DAYS} days; at most ${MAX_DAYS}.`;

/** The effectiveness dashboard: what was scanned, caught, by whom, how fast; also as CSV. */
export function registerEffectivenessRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.get<{ Querystring: { since?: string; until?: string } }>(
    '/stats/effectiveness',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('stats', 'Effectiveness: scanned, threats, who caught them, remediation time, top targets', 'read-only', rangeWords),
        querystring: rangeQuery,
        response: { 200: effectivenessSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const range = resolveRange(request.query, deps.clock());
      return { ...range, ...(await effectiveness(deps.db, principalOf(request).tenantId, range)) };
    },
  );

  app.get<{ Querystring: { since?: string; until?: string } }>(
    '/stats/effectiveness.csv',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('stats', 'The effectiveness figures and messages per day as CSV', 'read-only', rangeWords),
        querystring: rangeQuery,
        response: {
          200: { description: '`section,key,day,value` rows.', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errorResponses(),
        },
      },
    },
    async (request, reply) => {
      const { tenantId } = principalOf(request);
      const range = resolveRange(request.query, deps.clock());
      const [stats, days] = await Promise.all([
        effectiveness(deps.db, tenantId, range),
        deps.repos.messages.countByVerdictPerDay(tenantId, range),
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="mailward-effectiveness-${range.since.toISOString().slice(0, 10)}.csv"`)
        .send(effectivenessCsv(stats, days));
    },
  );
}
