import type { FastifyInstance } from 'fastify';
import { isFlagged, VERDICT_CLASSES, type VerdictClass } from '../../core/verdict.ts';
import type { LayerKind } from '../../layers/layer-verdict.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import { LayerVerdictsRepository } from '../../storage/layer-verdicts.ts';
import { createRepositories } from '../../storage/repositories.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { layerVerdictSchema } from '../layers/schemas.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses, uuid } from '../shared/schemas.ts';

interface VerdictBody {
  messageId?: string;
  messageIdHeader?: string;
  vendor: string;
  kind?: Extract<LayerKind, 'vendor' | 'user-report'>;
  verdict: VerdictClass;
  caught?: boolean;
  score?: number;
  summary?: string;
}

const body = {
  type: 'object',
  additionalProperties: false,
  required: ['vendor', 'verdict'],
  properties: {
    messageId: { ...uuid, description: "Mailward's id of the message." },
    messageIdHeader: {
      type: 'string',
      minLength: 3,
      maxLength: 998,
      description: 'The Message-ID header (with or without angle brackets); every stored copy gets the verdict.',
    },
    vendor: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9._-]{0,62}$',
      description: 'Who says so: a short lower-case name (`acme-sec`, `report-button`).',
    },
    kind: { type: 'string', enum: ['vendor', 'user-report'], description: '`user-report`: a person reported it (default `vendor`).' },
    verdict: { type: 'string', enum: [...VERDICT_CLASSES] },
    caught: { type: 'boolean', description: 'The vendor acted on it; defaults to whether the verdict is a threat.' },
    score: { type: 'number' },
    summary: { type: 'string', maxLength: 500, description: 'In plain words, shown to analysts.' },
  },
} as const;

const RESERVED = new Set(['mailward', 'microsoft-365', 'google', 'spamassassin', 'rspamd']);

/** Another security vendor (or a report button) tells Mailward its verdict on a message. */
export function registerVerdictRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.post<{ Body: VerdictBody }>(
    '/verdicts',
    {
      config: { access: 'analyst' },
      schema: {
        ...routeDocs(
          'layers',
          "Record another vendor's verdict (or a user's report) on a message",
          'analyst',
          "Identify the message by `messageId`, `messageIdHeader` or both. Replaces the same vendor's earlier verdict on it; written to the audit log.",
        ),
        body,
        response: {
          200: { type: 'object', required: ['recorded'], properties: { recorded: { type: 'array', items: layerVerdictSchema } } },
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { tenantId } = principal;
      const input = request.body;
      if (!input.messageId && !input.messageIdHeader) {
        throw new ApiError(400, 'VALIDATION_FAILED', 'send messageId, messageIdHeader or both to say which message');
      }
      if (RESERVED.has(input.vendor)) {
        throw new ApiError(400, 'VALIDATION_FAILED', `"${input.vendor}" is a layer Mailward reads itself; choose your own vendor name`);
      }
      const lookup = new LayerVerdictsRepository(deps.db);
      let ids = input.messageIdHeader ? await lookup.messagesByHeaderId(tenantId, input.messageIdHeader) : [];
      if (input.messageId) {
        const exists = await lookup.messageExists(tenantId, input.messageId);
        // Both given: they must name the same message.
        ids = input.messageIdHeader ? ids.filter((id) => id === input.messageId) : exists ? [input.messageId] : [];
      }
      if (ids.length === 0) throw notFound('message');
      const caught = input.caught ?? isFlagged(input.verdict);
      const kind = input.kind ?? 'vendor';
      const summary = input.summary ?? `${input.vendor}: ${kind === 'user-report' ? 'reported as' : 'verdict'} ${input.verdict}.`;
      const recorded = await deps.db.transaction(async (tx) => {
        const repos = createRepositories(tx);
        const layers = new LayerVerdictsRepository(tx);
        const saved = [];
        for (const messageId of ids) {
          saved.push(
            await layers.record(
              tenantId,
              messageId,
              { layer: input.vendor, kind, verdict: input.verdict, caught, score: input.score ?? null, details: { summary } },
              'api',
            ),
          );
          await repos.audit.append(tenantId, {
            actor: actorOf(principal),
            action: 'layer.verdict',
            target: { kind: 'message', id: messageId },
            details: { layer: input.vendor, kind, verdict: input.verdict, caught },
          });
        }
        return saved;
      });
      return { recorded };
    },
  );
}
