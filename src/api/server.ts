import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../service/deps.ts';
import { ConsoleSessionsRepository } from '../storage/console-sessions.ts';
import { UsersRepository } from '../storage/users.ts';
import { registerApiKeyRoutes } from './api-keys/routes.ts';
import { API_PREFIX } from './api-prefix.ts';
import { registerAuditRoutes } from './audit/routes.ts';
import { installAuthentication } from './auth/authenticate.ts';
import { registerBehaviourRoutes } from './behaviour/routes.ts';
import { installErrorHandlers } from './errors/error-handler.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { registerDeadJobRoutes } from './jobs/routes.ts';
import { registerLayerRoutes } from './layers/routes.ts';
import { registerMailboxRoutes } from './mailboxes/routes.ts';
import { registerMessageViewRoutes } from './message-view/routes.ts';
import { registerMessageRoutes } from './messages/routes.ts';
import { installHttpMetrics } from './metrics/http-metrics.ts';
import { createMailwardMetrics, type MailwardMetrics } from './metrics/mailward-metrics.ts';
import { registerMetricsRoutes } from './metrics/routes.ts';
import { OPENAPI_INFO } from './openapi/info.ts';
import { registerQuarantineRoutes } from './quarantine/routes.ts';
import { registerReportRoutes } from './reports/routes.ts';
import { registerSessionRoutes } from './session/routes.ts';
import { registerSettingsRoutes } from './settings/routes.ts';
import { createValidatorCompiler } from './shared/validation.ts';
import { registerConsole } from './static/routes.ts';
import { registerEffectivenessRoutes } from './stats/effectiveness-routes.ts';
import { registerStatsRoutes } from './stats/routes.ts';
import { registerUserRoutes } from './users/routes.ts';
import { registerVerdictRoutes } from './verdicts/routes.ts';

export { API_PREFIX };

export interface ApiOptions {
  /** Share one metrics registry with the scan workers of the same process; a new one otherwise. */
  metrics?: MailwardMetrics;
  /** Serve the web console at `/` (the `start` command does; API tests need not). */
  console?: boolean;
}

/**
 * The HTTP API, ready to `listen` (the `start` command does that) or to `inject` (tests). Every
 * route says who may call it; every query is scoped by the tenant of the caller's API key.
 */
export async function buildApi(deps: ServiceDeps, options: ApiOptions = {}): Promise<FastifyInstance> {
  const metrics = options.metrics ?? createMailwardMetrics();
  // The cast forgets the pino logger's own type: handlers only need fastify's base logger, and the
  // instance then has the plain type every route module and the `start` command expect.
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'api' }),
    bodyLimit: 1024 * 1024,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(createValidatorCompiler());
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Mailward API key: `mw_<prefix>_<secret>`.' } },
      },
      security: [{ apiKey: [] }],
    },
  });
  installErrorHandlers(app);
  await app.register(cookie);
  installAuthentication(app, {
    apiKeys: deps.repos.apiKeys,
    sessions: new ConsoleSessionsRepository(deps.db),
    users: new UsersRepository(deps.db),
  });
  installHttpMetrics(app, metrics);
  await app.register(
    async (v1) => {
      registerHealthRoutes(v1, deps);
      registerMetricsRoutes(v1, metrics);
      registerMessageRoutes(v1, deps, metrics);
      registerQuarantineRoutes(v1, deps);
      registerReportRoutes(v1, deps);
      registerStatsRoutes(v1, deps);
      registerAuditRoutes(v1, deps);
      registerDeadJobRoutes(v1, deps);
      registerSettingsRoutes(v1, deps);
      registerBehaviourRoutes(v1, deps);
      registerApiKeyRoutes(v1, deps);
      registerMailboxRoutes(v1, deps);
      registerSessionRoutes(v1, deps);
      registerUserRoutes(v1, deps);
      registerLayerRoutes(v1, deps);
      registerVerdictRoutes(v1, deps);
      registerMessageViewRoutes(v1, deps);
      registerEffectivenessRoutes(v1, deps);
    },
    { prefix: API_PREFIX },
  );
  if (options.console) await registerConsole(app);
  return app;
}
