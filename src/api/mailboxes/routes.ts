import type { FastifyInstance } from 'fastify';
import { pullBackCampaign } from '../../actions/campaign-pull-back.ts';
import { undoMailboxAction } from '../../actions/undo-mailbox-action.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import { createRepositories } from '../../storage/repositories.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { notFound } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses, idParams } from '../shared/schemas.ts';
import { addImapMailbox } from './add-mailbox.ts';
import { mailboxView } from './mailbox-view.ts';
import {
  type AddMailboxBody,
  addMailboxBody,
  mailboxSchema,
  pullBackBody,
  pullBackResultSchema,
  testResultSchema,
  undoBody,
  undoResultSchema,
} from './schemas.ts';
import { testMailboxConnection } from './test-mailbox.ts';

/** Protected mailboxes (IMAP): connect, list with their health, test, remove; campaign pull-back; undo. */
export function registerMailboxRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const viewOf = async (tenantId: string, mailboxId: string) => {
    const mailbox = await deps.repos.mailboxes.get(tenantId, mailboxId);
    if (mailbox?.provider !== 'imap') throw notFound('mailbox');
    return mailboxView(mailbox, await deps.repos.connections.get(tenantId, mailboxId));
  };

  app.get(
    '/mailboxes',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('mailboxes', 'List protected mailboxes with their health', 'read-only'),
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: mailboxSchema } } }, ...errorResponses() },
      },
    },
    async (request) => {
      const { tenantId } = principalOf(request);
      const [mailboxes, connections] = await Promise.all([deps.repos.mailboxes.list(tenantId), deps.repos.connections.list(tenantId)]);
      const byId = new Map(connections.map((c) => [c.mailboxId, c]));
      return { items: mailboxes.filter((m) => m.provider === 'imap').map((m) => mailboxView(m, byId.get(m.id) ?? null)) };
    },
  );

  app.post<{ Body: AddMailboxBody }>(
    '/mailboxes',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs(
          'mailboxes',
          'Connect an IMAP mailbox',
          'admin',
          'Credentials are encrypted with MAILWARD_SECRET_KEY (503 `CONNECTOR_SECRET_KEY_MISSING` without it) and never returned. Adding the same address again replaces its connection. Written to the audit log.',
        ),
        body: addMailboxBody,
        response: { 201: mailboxSchema, ...errorResponses(503) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const mailbox = await addImapMailbox(deps, principal, request.body);
      return reply.code(201).send(await viewOf(principal.tenantId, mailbox.id));
    },
  );

  app.get<{ Params: { mailboxId: string } }>(
    '/mailboxes/:mailboxId',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('mailboxes', 'Get a protected mailbox and its health', 'read-only'),
        params: idParams('mailboxId', 'Mailbox id.'),
        response: { 200: mailboxSchema, ...errorResponses(404) },
      },
    },
    async (request) => viewOf(principalOf(request).tenantId, request.params.mailboxId),
  );

  app.delete<{ Params: { mailboxId: string } }>(
    '/mailboxes/:mailboxId',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs(
          'mailboxes',
          'Stop protecting a mailbox',
          'admin',
          'The mailbox is disabled and its credentials are deleted; its stored messages and reports stay. Written to the audit log.',
        ),
        params: idParams('mailboxId', 'Mailbox id.'),
        response: { 200: mailboxSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { mailboxId } = request.params;
      await viewOf(principal.tenantId, mailboxId);
      await deps.db.transaction(async (tx) => {
        const repos = createRepositories(tx);
        await repos.connections.remove(principal.tenantId, mailboxId);
        await repos.mailboxes.setStatus(principal.tenantId, mailboxId, 'disabled');
        await repos.audit.append(principal.tenantId, {
          actor: actorOf(principal),
          action: 'mailbox.remove',
          target: { kind: 'mailbox', id: mailboxId },
        });
      });
      await deps.connectors?.forget(mailboxId);
      return viewOf(principal.tenantId, mailboxId);
    },
  );

  app.post<{ Params: { mailboxId: string } }>(
    '/mailboxes/:mailboxId/test',
    {
      config: { access: 'admin' },
      schema: {
        ...routeDocs(
          'mailboxes',
          'Test a mailbox connection now',
          'admin',
          'A failure puts the mailbox in the `error` state with the reason; a success clears it.',
        ),
        params: idParams('mailboxId', 'Mailbox id.'),
        response: { 200: testResultSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { tenantId } = principalOf(request);
      const connection = await deps.repos.connections.get(tenantId, request.params.mailboxId);
      if (!connection) throw notFound('mailbox');
      const result = await testMailboxConnection(deps, connection);
      return { ...result, mailbox: await viewOf(tenantId, connection.mailboxId) };
    },
  );

  app.post<{ Body: { messageId: string; action?: 'quarantine' | 'junk' | 'banner'; reason?: string } }>(
    '/mailboxes/pull-back',
    {
      config: { access: 'analyst' },
      schema: {
        ...routeDocs(
          'mailboxes',
          'Campaign pull-back: remediate every copy of a message',
          'analyst',
          'Finds the same message (same Message-ID, or same sender, subject and body) in every protected mailbox of the tenant and plans the action on each copy. Written to the audit log.',
        ),
        body: pullBackBody,
        response: { 200: pullBackResultSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return pullBackCampaign(deps, {
        tenantId: principal.tenantId,
        messageId: request.body.messageId,
        action: request.body.action ?? 'quarantine',
        reason: request.body.reason ?? 'campaign pull-back',
        actor: actorOf(principal),
      });
    },
  );

  app.post<{ Body: { messageId: string; reason?: string } }>(
    '/mailboxes/undo',
    {
      config: { access: 'analyst' },
      schema: {
        ...routeDocs(
          'mailboxes',
          'Undo a banner or a move to junk',
          'analyst',
          'The original message returns to the inbox byte for byte with its first arrival date; a banner copy is removed. A quarantined message answers 409: release it from the quarantine instead. Written to the audit log.',
        ),
        body: undoBody,
        response: { 200: undoResultSchema, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return undoMailboxAction(deps, {
        tenantId: principal.tenantId,
        messageId: request.body.messageId,
        reason: request.body.reason ?? 'analyst undo',
        actor: actorOf(principal),
      });
    },
  );
}
