import { applyMailboxAction } from '../../actions/apply-mailbox-action.ts';
import { MAILBOX_ACTIONS, type MailboxActionKind } from '../../actions/execute-mailbox-action.ts';
import { errorMessage } from '../../core/errors.ts';
import type { JobContext } from '../../queue/job-queue.ts';
import type { ApplyActionPayload } from '../../queue/jobs.ts';
import { StorageError } from '../../storage/errors.ts';
import { createRepositories } from '../../storage/repositories.ts';
import type { ServiceDeps } from '../deps.ts';
import { SYSTEM_ACTOR } from './scan-message.ts';

/**
 * `apply-action`: carries out one action, recorded planned -> done under the job's idempotency
 * key, so a second delivery finds it done and does nothing.
 *
 * Inside Mailward, `quarantine` and `restore` change the quarantine entry; that change, its audit
 * entry and the `done` mark are one transaction (for `quarantine`, one statement), so a crash
 * leaves either nothing done (the job runs again) or everything. Actions in the mailbox itself (junk, banner, link rewriting,
 * neutralising attachments) need a provider connector; journal and API mail has none, so they
 * are recorded as failed with the reason and not retried. For a connector mailbox (IMAP) every
 * action (quarantine, junk, banner, restore, delete) happens in the mailbox through its connector
 * (`src/actions/`), recorded the same way.
 */
export function applyActionWorker(deps: ServiceDeps) {
  return async (payload: ApplyActionPayload, context: JobContext): Promise<void> => {
    const { tenantId, messageId } = payload;
    const log = deps.log.child({ job: 'apply-action', tenantId, messageId, action: payload.action, attempt: context.attempt });
    let planned: Awaited<ReturnType<ServiceDeps['repos']['actions']['plan']>>;
    try {
      planned = await deps.repos.actions.plan(tenantId, {
        messageId,
        kind: payload.action,
        idempotencyKey: context.idempotencyKey,
        actor: SYSTEM_ACTOR,
        reason: payload.reason,
      });
    } catch (error) {
      if (error instanceof StorageError && error.code === 'STORAGE_NOT_FOUND') {
        log.warn('message no longer stored; action dropped');
        return;
      }
      throw error;
    }
    const { action } = planned;
    if (action.state === 'done') {
      log.debug('action already done');
      return;
    }
    // A connector mailbox: the action happens in the mailbox itself, through its connector.
    const mailbox = await deps.repos.mailboxes.get(tenantId, payload.mailboxId);
    if (mailbox?.provider === 'imap' && (MAILBOX_ACTIONS as readonly string[]).includes(payload.action)) {
      if (!deps.connectors) {
        await deps.repos.actions.markFailed(
          tenantId,
          action.id,
          `${payload.action}: mailbox connectors are off (MAILWARD_SECRET_KEY not set)`,
        );
        log.warn('mailbox action needs the connectors; recorded as failed');
        return;
      }
      await applyMailboxAction(
        { db: deps.db, repos: deps.repos, connectors: deps.connectors, log },
        {
          tenantId,
          messageId,
          kind: payload.action as MailboxActionKind,
          reason: payload.reason,
          action,
          actor: action.actor,
          signal: context.signal,
        },
      );
      return;
    }
    if (payload.action === 'delete') {
      // Journal mail has no mailbox copy to delete: the quarantine entry says it is deleted.
      await deps.repos.actions.markDone(tenantId, action.id);
      return;
    }
    if (payload.action !== 'quarantine' && payload.action !== 'restore') {
      await deps.repos.actions.markFailed(tenantId, action.id, `${payload.action} needs a mailbox connector; none for this mailbox`);
      log.warn('action needs a mailbox connector; recorded as failed');
      return;
    }
    context.signal.throwIfAborted();
    try {
      if (payload.action === 'quarantine') {
        const input = { actionId: action.id, messageId, reason: payload.reason, decidedBy: 'system', actor: SYSTEM_ACTOR };
        const outcome = await deps.repos.quarantine.applyQuarantineAction(tenantId, input);
        if (outcome !== 'not-applied') {
          log.info({ reason: payload.reason, outcome }, 'action done');
          return;
        }
      }
      await deps.db.transaction(async (tx) => {
        const repos = createRepositories(tx);
        // The row lock makes a second worker (one that lost its lease) wait here, then see `done`.
        const { rows } = await tx.query<{ state: string }>('SELECT state FROM actions WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [
          tenantId,
          action.id,
        ]);
        if (rows[0]?.state === 'done') return;
        if (payload.action === 'quarantine') {
          await repos.quarantine.quarantine(tenantId, messageId, { reason: payload.reason, decidedBy: 'system' });
        } else {
          const entry = await repos.quarantine.get(tenantId, messageId);
          if (entry?.state === 'quarantined') await repos.quarantine.release(tenantId, messageId, 'system');
        }
        await repos.audit.append(tenantId, {
          actor: SYSTEM_ACTOR,
          action: payload.action === 'quarantine' ? 'quarantine.add' : 'quarantine.release',
          target: { kind: 'message', id: messageId },
          details: { reason: payload.reason, actionId: action.id },
        });
        await repos.actions.markDone(tenantId, action.id);
      });
      log.info({ reason: payload.reason }, 'action done');
    } catch (error) {
      // Recorded for the dashboard; thrown so the queue retries (a later success marks it done).
      await deps.repos.actions.markFailed(tenantId, action.id, errorMessage(error)).catch(() => {});
      throw error;
    }
  };
}
