import type { FastifyInstance } from 'fastify';
import { DEFAULT_MIME_LIMITS } from '../../mime/limits.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import { ingestRawMessage } from '../../service/ingest.ts';
import { principalOf } from '../auth/principal.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import type { MailwardMetrics } from '../metrics/mailward-metrics.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses } from '../shared/schemas.ts';
import { uploadAccepted, uploadQuery } from './schemas.ts';

const RFC822 = 'message/rfc822';

/**
 * `POST /messages`: raw upload (an analyst submitting a reported mail, an integration pushing
 * copies). Answers 202 once the message is stored and its scan is queued.
 */
export function registerUploadRoute(app: FastifyInstance, deps: ServiceDeps, metrics: MailwardMetrics): void {
  app.addContentTypeParser(RFC822, { parseAs: 'buffer', bodyLimit: DEFAULT_MIME_LIMITS.maxBytes }, (_request, body, done) => {
    done(null, body);
  });

  app.post<{ Querystring: { mailboxId?: string }; Body: Buffer }>(
    '/messages',
    {
      config: { access: 'analyst' },
      bodyLimit: DEFAULT_MIME_LIMITS.maxBytes,
      schema: {
        ...routeDocs(
          'messages',
          'Upload a raw message for scanning',
          'analyst',
          'Send the message bytes with `Content-Type: message/rfc822`.',
        ),
        querystring: uploadQuery,
        body: { content: { [RFC822]: { schema: { description: 'The whole message as received (RFC 5322).' } } } },
        response: { 202: uploadAccepted, ...errorResponses(404, 413, 415) },
      },
    },
    async (request, reply) => {
      const { tenantId } = principalOf(request);
      const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (contentType !== RFC822 || !Buffer.isBuffer(request.body)) {
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `send the raw message with Content-Type: ${RFC822}`);
      }
      if (request.body.byteLength === 0) throw new ApiError(400, 'VALIDATION_FAILED', 'the uploaded message is empty');
      const { mailboxId } = request.query;
      // Checked here so another tenant's mailbox id is a plain 404, like every other id.
      if (mailboxId && !(await deps.repos.mailboxes.get(tenantId, mailboxId))) throw notFound('mailbox');
      const result = await ingestRawMessage(deps, { tenantId, mailboxId, raw: request.body, source: 'api' });
      metrics.messagesIngested.inc({ source: 'api', outcome: result.created ? 'created' : 'duplicate' });
      return reply.status(202).send(result);
    },
  );
}
