import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { searchQuarantine } from '../../storage/quarantine-search.ts';
import { principalOf } from '../auth/principal.ts';
import { toHttpError } from '../errors/map-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses, idParams, pageOf, toDate } from '../shared/schemas.ts';
import { type DecisionOutcome, decide, QUARANTINE_DECISIONS, type QuarantineDecision } from './decide.ts';
import {
  bulkDecisionBody,
  bulkOutcomeSchema,
  decisionBody,
  decisionOutcomeSchema,
  type QuarantineListQuery,
  quarantineItemSchema,
  quarantineListQuery,
} from './schemas.ts';

const SUMMARIES: Record<QuarantineDecision, string> = {
  release: 'Release a quarantined message',
  delete: 'Delete a quarantined or released message',
  'not-a-threat': 'Mark a message not a threat: remember its sender and release it',
};

type BulkResult = (DecisionOutcome & { ok: true }) | { messageId: string; ok: false; error: { code: string; message: string } };

/** Quarantine list and the analyst decisions on it, one message at a time or in bulk. */
export function registerQuarantineRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.get<{ Querystring: QuarantineListQuery }>(
    '/quarantine',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs(
          'quarantine',
          "List quarantine entries, newest first, with every layer's verdict",
          'read-only',
          'Keyset-paged: pass `nextCursor` back as `cursor` with the same filters.',
        ),
        querystring: quarantineListQuery,
        response: { 200: pageOf(quarantineItemSchema), ...errorResponses() },
      },
    },
    async (request) => {
      const q = request.query;
      return searchQuarantine(
        deps.db,
        principalOf(request).tenantId,
        {
          state: q.state,
          verdict: q.verdict,
          layer: q.layer,
          sender: q.sender,
          senderDomain: q.senderDomain,
          recipient: q.recipient,
          text: q.q,
          sort: q.sort,
          since: toDate(q.since),
          until: toDate(q.until),
        },
        { limit: q.limit, cursor: q.cursor },
      );
    },
  );

  for (const decision of QUARANTINE_DECISIONS) {
    app.post<{ Params: { messageId: string }; Body: { reason?: string } | undefined }>(
      `/quarantine/:messageId/${decision}`,
      {
        config: { access: 'analyst' },
        // The body (a reason) is optional: a bare POST is a decision without one.
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: {
          ...routeDocs('quarantine', SUMMARIES[decision], 'analyst', 'Written to the audit log with the API key as actor.'),
          params: idParams('messageId', 'Message id.'),
          body: decisionBody,
          response: { 200: decisionOutcomeSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) => decide(deps, principalOf(request), request.params.messageId, decision, request.body?.reason ?? ''),
    );

    app.post<{ Body: { messageIds: string[]; reason?: string } }>(
      `/quarantine/bulk/${decision}`,
      {
        config: { access: 'analyst' },
        schema: {
          ...routeDocs(
            'quarantine',
            `${SUMMARIES[decision]} (up to 500 at once)`,
            'analyst',
            'Each message is decided and audited on its own.',
          ),
          body: bulkDecisionBody,
          response: { 200: bulkOutcomeSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const results: BulkResult[] = [];
        for (const messageId of request.body.messageIds) {
          try {
            results.push({ ...(await decide(deps, principal, messageId, decision, request.body.reason ?? '')), ok: true });
          } catch (error) {
            const mapped = toHttpError(error);
            if (mapped.statusCode >= 500) request.log.error({ err: error, messageId }, 'bulk quarantine decision failed');
            results.push({ messageId, ok: false, error: { code: mapped.code, message: mapped.message } });
          }
        }
        return { results };
      },
    );
  }
}
