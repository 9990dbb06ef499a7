import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { notFound } from '../errors/api-error.ts';
import type { MailwardMetrics } from '../metrics/mailward-metrics.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses, idParams, pageOf, toDate } from '../shared/schemas.ts';
import { type MessageListQuery, messageListQuery, messageSchema, scanReportSchema } from './schemas.ts';
import { registerUploadRoute } from './upload.ts';

const messageParams = idParams('id', 'Message id.');

/** Messages: list and search, one message with its latest report, raw download, raw upload. */
export function registerMessageRoutes(app: FastifyInstance, deps: ServiceDeps, metrics: MailwardMetrics): void {
  app.get<{ Querystring: MessageListQuery }>(
    '/messages',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('messages', 'List messages, newest first', 'read-only'),
        querystring: messageListQuery,
        response: { 200: pageOf(messageSchema), ...errorResponses() },
      },
    },
    async (request) => {
      const { tenantId } = principalOf(request);
      const q = request.query;
      return deps.repos.messages.list(
        tenantId,
        {
          sender: q.sender,
          subject: q.subject,
          verdict: q.verdict,
          mailboxId: q.mailboxId,
          since: toDate(q.since),
          until: toDate(q.until),
        },
        { limit: q.limit, cursor: q.cursor },
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/messages/:id',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('messages', 'One message with its latest scan report', 'read-only'),
        params: messageParams,
        response: {
          200: {
            type: 'object',
            required: ['message', 'report'],
            properties: { message: messageSchema, report: { ...scanReportSchema, type: ['object', 'null'] } },
          },
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const found = await deps.repos.messages.getWithLatestReport(principalOf(request).tenantId, request.params.id);
      if (!found) throw notFound('message');
      return found;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/messages/:id/raw',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs('messages', 'Download the raw message, byte for byte', 'admin', 'Each download is written to the audit log.'),
        params: messageParams,
        response: {
          200: { description: 'The message as received.', content: { 'message/rfc822': { schema: { type: 'string', format: 'binary' } } } },
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const raw = await deps.repos.rawMime.getForMessage(principal.tenantId, request.params.id);
      if (!raw) throw notFound('message');
      // Raw mail is evidence and personal data: who took a copy is part of the record.
      await deps.repos.audit.append(principal.tenantId, {
        actor: actorOf(principal),
        action: 'message.download-raw',
        target: { kind: 'message', id: request.params.id },
      });
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="${request.params.id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .send(raw);
    },
  );

  registerUploadRoute(app, deps, metrics);
}
