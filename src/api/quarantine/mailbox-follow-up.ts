import { enqueueMailboxAction } from '../../actions/enqueue-mailbox-action.ts';
import type { MessageAction } from '../../queue/jobs.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import type { QuarantineEntry } from '../../storage/quarantine.ts';

/**
 * After an analyst's release or delete, the mailbox must follow: a release puts the original
 * bytes back in the inbox (with their first arrival date), a delete removes the quarantined copy.
 * For a connector mailbox this plans an `apply-action` job; journal mail has no mailbox copy.
 * The key carries the decision's time, so releasing again after a second quarantine acts again,
 * while a repeated click on the same decision plans nothing new.
 */
export async function followUpInMailbox(
  deps: Pick<ServiceDeps, 'repos' | 'queue'>,
  tenantId: string,
  messageId: string,
  action: Extract<MessageAction, 'restore' | 'delete'>,
  entry: QuarantineEntry,
  reason: string,
): Promise<void> {
  const location = await deps.repos.locations.get(tenantId, messageId);
  if (!location) return;
  const at = (action === 'restore' ? entry.releasedAt : entry.deletedAt) ?? entry.updatedAt;
  const payload = { tenantId, mailboxId: location.mailboxId, messageId, action, reason: reason || `analyst ${action}` };
  await enqueueMailboxAction(deps, payload, String(at.getTime()));
}
