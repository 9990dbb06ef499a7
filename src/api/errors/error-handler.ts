import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toHttpError } from './map-error.ts';

/** Renders every error as `{ error: { code, message } }`; logs server faults with their stack, client faults briefly. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const mapped = toHttpError(error);
    if (mapped.statusCode >= 500) request.log.error({ err: error, code: mapped.code }, 'request failed');
    else request.log.info({ code: mapped.code, statusCode: mapped.statusCode }, 'request refused');
    return reply.status(mapped.statusCode).send({ error: { code: mapped.code, message: mapped.message } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
