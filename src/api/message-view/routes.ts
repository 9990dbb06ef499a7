import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../../service/deps.ts';
import { principalOf } from '../auth/principal.ts';
import { notFound } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses, idParams } from '../shared/schemas.ts';
import { buildMessageView } from './build-view.ts';

const str = { type: 'string' } as const;
const strings = { type: 'array', items: str } as const;

const viewSchema = {
  type: 'object',
  required: ['headers', 'authentication', 'links', 'attachments', 'preview', 'quarantine'],
  properties: {
    quarantine: {
      type: ['object', 'null'],
      description: 'The quarantine entry, if the message has one.',
      properties: {
        state: { type: 'string', enum: ['quarantined', 'released', 'deleted'] },
        reason: str,
        decidedBy: str,
        quarantinedAt: { type: 'string', format: 'date-time' },
        releasedAt: { type: ['string', 'null'], format: 'date-time' },
        deletedAt: { type: ['string', 'null'], format: 'date-time' },
      },
    },
    headers: { type: 'array', items: { type: 'object', properties: { name: str, value: str } } },
    authentication: {
      type: 'array',
      description: 'Authentication-Results, one row per method (spf, dkim, dmarc, arc, ...).',
      items: { type: 'object', properties: { method: str, result: str, details: str } },
    },
    links: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          text: str,
          href: { ...str, description: 'As written in the message.' },
          target: { ...str, description: 'Where it leads once link-protection wrappers and known redirectors are unwrapped.' },
          via: strings,
          host: str,
          kind: str,
          textMismatch: { type: 'boolean', description: 'The visible text names a different site.' },
        },
      },
    },
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: str,
          filename: str,
          declaredType: str,
          detectedType: { type: ['string', 'null'] },
          size: { type: 'integer' },
          sha256: str,
          sha1: { type: ['string', 'null'] },
          md5: { type: ['string', 'null'] },
          depth: { type: 'integer' },
          encrypted: { type: 'boolean' },
          truncated: { type: 'boolean' },
          findings: { ...strings, description: 'Signals of the latest scan whose evidence names this file.' },
        },
      },
    },
    preview: {
      type: 'object',
      properties: {
        html: {
          type: ['string', 'null'],
          description: 'Sanitised HTML: no scripts or forms; images (`data-mw-src`) and links (`data-mw-href`) inert.',
        },
        text: str,
      },
    },
  },
} as const;

/** The analyst's view of one message, parsed from its raw bytes on request. */
export function registerMessageViewRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.get<{ Params: { id: string } }>(
    '/messages/:id/view',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('messages', 'Headers, authentication results, links, attachments and a safe preview of one message', 'read-only'),
        params: idParams('id', 'Message id.'),
        response: { 200: viewSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { tenantId } = principalOf(request);
      const found = await deps.repos.messages.getWithLatestReport(tenantId, request.params.id);
      const raw = found ? await deps.repos.rawMime.getForMessage(tenantId, request.params.id) : null;
      if (!found || !raw) throw notFound('message');
      const view = await buildMessageView(raw, found.report?.report.signals ?? []);
      return { ...view, quarantine: await deps.repos.quarantine.get(tenantId, request.params.id) };
    },
  );
}
