import type { Logger } from 'pino';
import type { ConnectorPool } from '../connectors/connector-pool.ts';
import { errorMessage } from '../core/errors.ts';
import type { StoredAction } from '../storage/actions.ts';
import type { Actor } from '../storage/actors.ts';
import type { Db } from '../storage/db.ts';
import { quarantineModeFor } from '../storage/mailbox-connections.ts';
import { createRepositories, type Repositories } from '../storage/repositories.ts';
import { executeMailboxAction, type MailboxActionKind } from './execute-mailbox-action.ts';

export interface MailboxActionDeps {
  db: Db;
  repos: Repositories;
  connectors: ConnectorPool;
  log: Logger;
}

export interface MailboxActionRequest {
  tenantId: string;
  messageId: string;
  kind: MailboxActionKind;
  reason: string;
  /** The action row planned under the job's idempotency key. */
  action: StoredAction;
  actor: Actor;
  signal?: AbortSignal;
}

/**
 * Runs a planned action in the message's mailbox through its connector, then records the new
 * location, the quarantine entry, the audit entry and `done` in one transaction behind a lock
 * on the action row: a second delivery of the job finds it done. A failure is recorded on the
 * action and thrown, so the queue retries; the mailbox steps themselves check before they act.
 */
export async function applyMailboxAction(deps: MailboxActionDeps, request: MailboxActionRequest): Promise<'done' | 'failed'> {
  const { tenantId, messageId, kind, action } = request;
  const [message, location] = await Promise.all([
    deps.repos.messages.get(tenantId, messageId),
    deps.repos.locations.get(tenantId, messageId),
  ]);
  const connection = message ? await deps.repos.connections.get(tenantId, message.mailboxId) : null;
  if (!message || !connection || !location) {
    const why = !message ? 'message no longer stored' : !connection ? 'mailbox no longer connected' : 'message location unknown';
    await deps.repos.actions.markFailed(tenantId, action.id, `${kind}: ${why}`);
    return 'failed';
  }
  try {
    const original = await deps.repos.rawMime.getForMessage(tenantId, messageId);
    if (!original) throw new Error('original bytes are no longer stored');
    const report = kind === 'banner' ? await deps.repos.reports.latest(tenantId, messageId) : null;
    const tenantMode = connection.quarantineMode ? undefined : (await deps.repos.settings.get(tenantId)).policy.quarantineMode;
    const outcome = await deps.connectors.use(connection, (connector) =>
      executeMailboxAction(
        {
          connector,
          connection,
          quarantineMode: quarantineModeFor(connection, tenantMode),
          location,
          messageId,
          messageIdHeader: message.messageIdHeader,
          original,
          verdict: {
            class: report?.report.verdict.class ?? message.verdict?.class ?? 'suspicious',
            reasons: report?.report.verdict.reasons ?? [],
          },
          rememberBannerSha: (sha) => deps.repos.locations.setBannerSha(tenantId, messageId, sha),
        },
        kind,
      ),
    );
    request.signal?.throwIfAborted();
    await deps.db.transaction(async (tx) => {
      const repos = createRepositories(tx);
      const { rows } = await tx.query<{ state: string }>('SELECT state FROM actions WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [
        tenantId,
        action.id,
      ]);
      if (rows[0]?.state === 'done') return;
      const at = outcome.at ?? { folder: location.folder, uidValidity: location.uidValidity, uid: location.uid };
      await repos.locations.save(tenantId, {
        messageId,
        mailboxId: message.mailboxId,
        folder: at.folder,
        uidValidity: at.uidValidity,
        uid: at.uid,
        internalDate: location.internalDate,
        placement: outcome.placement,
        bannerSha256: outcome.placement === 'banner' ? (await repos.locations.get(tenantId, messageId))?.bannerSha256 : null,
      });
      if (kind === 'quarantine') {
        await repos.quarantine.quarantine(tenantId, messageId, { reason: request.reason, decidedBy: request.actor.id });
      } else if (kind === 'restore') {
        const entry = await repos.quarantine.get(tenantId, messageId);
        if (entry?.state === 'quarantined') await repos.quarantine.release(tenantId, messageId, request.actor.id);
      }
      await repos.audit.append(tenantId, {
        actor: request.actor,
        action: `mailbox.${kind}`,
        target: { kind: 'message', id: messageId },
        details: {
          ...outcome.details,
          placement: outcome.placement,
          reason: request.reason,
          actionId: action.id,
          mailboxId: message.mailboxId,
        },
      });
      await repos.actions.markDone(tenantId, action.id);
    });
    deps.log.info({ tenantId, messageId, action: kind, placement: outcome.placement }, 'mailbox action done');
    return 'done';
  } catch (error) {
    await deps.repos.actions.markFailed(tenantId, action.id, `${kind}: ${errorMessage(error)}`).catch(() => {});
    throw error;
  }
}
