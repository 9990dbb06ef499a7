import type { JobQueue } from '../queue/job-queue.ts';
import type { ApplyActionPayload } from '../queue/jobs.ts';
import type { Actor } from '../storage/actors.ts';
import { StorageError } from '../storage/errors.ts';
import type { Placement } from '../storage/message-locations.ts';
import type { Repositories } from '../storage/repositories.ts';
import { enqueueMailboxAction } from './enqueue-mailbox-action.ts';

/**
 * Undo of a banner or a move to junk: plans the `restore` action, which puts the original bytes
 * back in the inbox with their first arrival date and removes the banner copy. A quarantined
 * message is refused here: its way back is a release from the quarantine, which also settles the
 * quarantine entry. The key carries the time the message last moved, so a repeated click plans
 * nothing new while undoing a later action again works.
 */
export async function undoMailboxAction(
  deps: { repos: Repositories; queue: JobQueue },
  request: { tenantId: string; messageId: string; reason: string; actor: Actor },
): Promise<{ planned: boolean; from: Placement }> {
  const { tenantId, messageId } = request;
  const location = await deps.repos.locations.get(tenantId, messageId);
  if (!location) throw new StorageError('STORAGE_NOT_FOUND', 'message not found in a protected mailbox');
  if (location.placement === 'inbox') {
    throw new StorageError('STORAGE_INVALID_TRANSITION', 'nothing to undo: the message is in the inbox as it arrived');
  }
  if (location.placement === 'quarantine-folder' || location.placement === 'removed') {
    throw new StorageError('STORAGE_INVALID_TRANSITION', 'the message is quarantined: release it from the quarantine instead');
  }
  const payload: ApplyActionPayload = { tenantId, mailboxId: location.mailboxId, messageId, action: 'restore', reason: request.reason };
  const { created } = await enqueueMailboxAction(deps, payload, `undo:${location.updatedAt.getTime()}`);
  await deps.repos.audit.append(tenantId, {
    actor: request.actor,
    action: 'mailbox.undo',
    target: { kind: 'message', id: messageId },
    details: { from: location.placement, planned: created, reason: request.reason },
  });
  return { planned: created, from: location.placement };
}
