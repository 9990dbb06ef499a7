import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses } from '../shared/schemas.ts';

/** The tenant's behaviour model: what it learned from its own mail flow. */
export function registerBehaviourRoutes(app: FastifyInstance, deps: Pick<ServiceDeps, 'repos' | 'behaviour'>): void {
  app.delete(
    '/behaviour',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs(
          'behaviour',
          "Reset the tenant's behaviour model",
          'admin',
          'Forgets everything the behaviour model learned from the tenant\'s mail (senders, domains, users, threads); it starts learning again from the next clean message, and "never seen before" signals stay silent until it has enough history again. Written to the audit log.',
        ),
        response: {
          200: {
            type: 'object',
            required: ['removedEntries'],
            properties: { removedEntries: { type: 'integer', description: 'Stored model entries removed.' } },
          },
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { tenantId } = principal;
      const removedEntries = deps.behaviour ? await deps.behaviour.reset(tenantId) : await deps.repos.behaviourProfiles.deleteAll(tenantId);
      await deps.repos.audit.append(tenantId, {
        actor: actorOf(principal),
        action: 'behaviour.reset',
        target: { kind: 'behaviour', id: tenantId },
        details: { removedEntries },
      });
      return { removedEntries };
    },
  );
}
