import type { MessageRef } from '../connectors/connector.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import type { Repositories } from '../storage/repositories.ts';
import { enqueueMailboxAction } from './enqueue-mailbox-action.ts';

const WATCH_ACTOR = { kind: 'system', id: 'mailbox-watch' } as const;

/** Clock difference allowed between this process and the database that stamps `updatedAt`. */
const STALE_MARGIN_MS = 2_000;

export type KnownMessageOutcome = 'resynced' | 'requarantined' | 'deleted-again' | 'moved-by-user' | 'ignored';

/**
 * A message Mailward already has turned up in the watched inbox again. Usually that is a resync
 * (same folder, a new UID). When Mailward had moved it away, someone moved it back, by hand or
 * with a client rule:
 * - out of the quarantine while it is still quarantined (no analyst released it), or after an
 *   analyst deleted it: the decision stands, so it is quarantined (or deleted) again, and the
 *   audit log says the quarantine was bypassed;
 * - out of junk, or after a release: the user's call (or Mailward's own restore), recorded only
 *   as where the message now is.
 * The location always ends up where the message really is, so later actions find it.
 *
 * `seenAt` is when the sync began fetching the message: a location changed since (an action
 * moving it while the sync was reading the inbox) makes what the sync saw stale, and it is left
 * alone rather than taken for a user's move. (A user moving a message back within that margin of
 * its quarantine is not told apart from this race; the message then stays where they put it.)
 */
export async function followKnownMessage(
  deps: { repos: Pick<Repositories, 'locations' | 'quarantine' | 'audit'>; queue: JobQueue },
  input: { tenantId: string; mailboxId: string; messageId: string; ref: MessageRef; seenAt: Date },
): Promise<KnownMessageOutcome> {
  const { tenantId, mailboxId, messageId, ref } = input;
  const { locations } = deps.repos;
  const location = await locations.get(tenantId, messageId);
  if (!location) return 'ignored';
  // The user-visible copy is Mailward's banner copy; the original showing up again is left alone.
  if (location.placement === 'banner') return 'ignored';
  // Shown in this folder already: a resync gave it a new UID. (A message deleted in `delete` mode
  // keeps the folder it was deleted from, with placement `removed`.)
  if (location.folder === ref.folder && location.placement === 'inbox') {
    await locations.refreshUid(tenantId, messageId, ref);
    return 'resynced';
  }
  if (location.updatedAt.getTime() > input.seenAt.getTime() - STALE_MARGIN_MS) return 'ignored';
  const movedFrom = location.placement;
  await locations.save(tenantId, {
    messageId,
    mailboxId,
    folder: ref.folder,
    uidValidity: ref.uidValidity,
    uid: ref.uid,
    internalDate: location.internalDate,
    placement: 'inbox',
  });
  const entry = movedFrom === 'quarantine-folder' || movedFrom === 'removed' ? await deps.repos.quarantine.get(tenantId, messageId) : null;
  const standing = entry?.state === 'quarantined' ? 'quarantine' : entry?.state === 'deleted' ? 'delete' : null;
  if (!standing) return 'moved-by-user';
  await deps.repos.audit.append(tenantId, {
    actor: WATCH_ACTOR,
    action: 'mailbox.quarantine-bypassed',
    target: { kind: 'message', id: messageId },
    details: { from: movedFrom, folder: ref.folder, state: entry?.state },
  });
  // One plan per reappearance: the new UID names it, so a resync of the same copy plans nothing new.
  await enqueueMailboxAction(
    deps,
    { tenantId, mailboxId, messageId, action: standing, reason: `moved back to the inbox while ${entry?.state}` },
    `back-in-inbox:${ref.uidValidity}:${ref.uid}`,
  );
  return standing === 'quarantine' ? 'requarantined' : 'deleted-again';
}
