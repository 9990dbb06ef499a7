import type { FastifyInstance } from 'fastify';
import { isFlagged } from '../../core/verdict.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import { LayerVerdictsRepository } from '../../storage/layer-verdicts.ts';
import { principalOf } from '../auth/principal.ts';
import { notFound } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses, idParams, verdictClass } from '../shared/schemas.ts';
import { layerVerdictSchema } from './schemas.ts';

/** Every layer's verdict on one message, Mailward's first, side by side. */
export function registerLayerRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const layers = new LayerVerdictsRepository(deps.db);
  app.get<{ Params: { id: string } }>(
    '/messages/:id/layers',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs(
          'layers',
          "Every layer's verdict on one message",
          'read-only',
          "Mailward's latest verdict, then the provider's and gateways' (read from the headers) and those pushed by other vendors or user reports.",
        ),
        params: idParams('id', 'Message id.'),
        response: {
          200: {
            type: 'object',
            required: ['mailward', 'layers'],
            properties: {
              mailward: {
                type: ['object', 'null'],
                properties: { verdict: verdictClass, score: { type: 'number' }, caught: { type: 'boolean' } },
              },
              layers: { type: 'array', items: layerVerdictSchema },
            },
          },
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const { tenantId } = principalOf(request);
      const message = await deps.repos.messages.get(tenantId, request.params.id);
      if (!message) throw notFound('message');
      const verdict = message.verdict;
      return {
        mailward: verdict ? { verdict: verdict.class, score: verdict.score, caught: isFlagged(verdict.class) } : null,
        layers: await layers.forMessage(tenantId, message.id),
      };
    },
  );
}
