import { createHash } from 'node:crypto';
import type { MailboxConnector, MessageRef } from '../connectors/connector.ts';
import type { MailboxConnection, QuarantineMode } from '../storage/mailbox-connections.ts';
import type { MessageLocation, Placement } from '../storage/message-locations.ts';
import { BANNER_MARKER_HEADER, buildBannerCopy } from './banner-copy.ts';

/** What an action can do in a mailbox. `restore` undoes any of the others (release, undo banner). */
export type MailboxActionKind = 'quarantine' | 'junk' | 'banner' | 'restore' | 'delete';

export const MAILBOX_ACTIONS: readonly MailboxActionKind[] = ['quarantine', 'junk', 'banner', 'restore', 'delete'];

export interface MailboxActionInput {
  connector: MailboxConnector;
  connection: MailboxConnection;
  /** Folder or delete: the mailbox's own choice, else its tenant's (`quarantineModeFor`). */
  quarantineMode: QuarantineMode;
  location: MessageLocation;
  messageId: string;
  /** The Message-ID header, used to find the message again when its UID went stale. */
  messageIdHeader: string | null;
  /** The original bytes from Mailward's store (hash-checked there). */
  original: Buffer;
  /** For the banner: the verdict class and the reasons in plain words. */
  verdict: { class: string; reasons: string[] };
  /** Records the banner copy's hash before it is appended, so the sync skips the copy. */
  rememberBannerSha: (sha256: string) => Promise<void>;
}

export interface MailboxActionOutcome {
  placement: Placement;
  /** Where the user-visible or quarantined copy now is; null when none is left in the mailbox. */
  at: MessageRef | null;
  /** Facts for the audit entry. */
  details: Record<string, unknown>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Carries out one action in the mailbox. Each step first checks whether it already happened (a
 * retry after a crash must not append a second copy or delete the wrong message), so running
 * the same action twice leaves the mailbox as running it once.
 */
export async function executeMailboxAction(input: MailboxActionInput, kind: MailboxActionKind): Promise<MailboxActionOutcome> {
  const { connector, connection, location } = input;
  const inbox = connection.inboxFolder;
  const here = currentRef(location);
  switch (kind) {
    case 'quarantine': {
      if (location.placement === 'quarantine-folder' || location.placement === 'removed') return unchanged(location);
      const ref = await locate(input, here);
      if (input.quarantineMode === 'folder') {
        await connector.ensureFolder(connection.quarantineFolder);
        const moved = ref ? await connector.move(ref, connection.quarantineFolder) : null;
        return { placement: 'quarantine-folder', at: moved, details: { folder: connection.quarantineFolder, found: ref !== null } };
      }
      const deleted = ref ? await connector.delete(ref) : false;
      return { placement: 'removed', at: null, details: { deletedFromMailbox: deleted, found: ref !== null } };
    }
    case 'junk': {
      if (location.placement !== 'inbox' && location.placement !== 'banner') return unchanged(location);
      const junk = (await connector.specialFolder('\\Junk')) ?? 'Junk';
      await connector.ensureFolder(junk);
      const ref = await locate(input, here);
      const moved = ref ? await connector.move(ref, junk) : null;
      if (moved?.uid) await connector.flag(moved, ['$Junk']);
      return { placement: 'junk', at: moved, details: { folder: junk, found: ref !== null } };
    }
    case 'banner': {
      if (location.placement !== 'inbox') return unchanged(location);
      const copy = await buildBannerCopy({
        raw: input.original,
        messageId: input.messageId,
        verdictClass: input.verdict.class,
        reasons: input.verdict.reasons,
      });
      await input.rememberBannerSha(sha256(copy));
      const [existing] = await connector.findByHeader(location.folder, BANNER_MARKER_HEADER, input.messageId);
      const placed =
        existing ?? (await connector.append(location.folder, copy, { internalDate: location.internalDate, flags: ['\\Flagged'] }));
      const ref = await locate(input, here);
      if (ref) await connector.delete(ref);
      return { placement: 'banner', at: placed, details: { folder: location.folder, reasons: input.verdict.reasons.length } };
    }
    case 'restore': {
      if (location.placement === 'inbox') return unchanged(location);
      const other = location.placement === 'removed' ? null : await locate(input, here);
      const restored =
        (await findOriginal(input, inbox)) ?? (await connector.append(inbox, input.original, { internalDate: location.internalDate }));
      if (other) await connector.delete(other);
      return { placement: 'inbox', at: restored, details: { from: location.placement, folder: inbox } };
    }
    case 'delete': {
      // Wherever it is (quarantine folder, junk, banner copy, or back in the inbox after a release).
      if (location.placement === 'removed') return unchanged(location);
      const ref = await locate(input, here);
      const deleted = ref ? await connector.delete(ref) : false;
      return { placement: 'removed', at: null, details: { deletedFromMailbox: deleted } };
    }
  }
}

function unchanged(location: MessageLocation): MailboxActionOutcome {
  return { placement: location.placement, at: currentRef(location), details: { unchanged: true } };
}

function currentRef(location: MessageLocation): MessageRef {
  return { folder: location.folder, uidValidity: location.uidValidity, uid: location.uid };
}

/**
 * The message at its recorded place, or found again by Message-ID (and checked by its bytes)
 * when the recorded UID no longer holds it (a new UIDVALIDITY, a client that moved it back).
 */
async function locate(input: MailboxActionInput, ref: MessageRef): Promise<MessageRef | null> {
  const expected = input.location.placement === 'banner' ? input.location.bannerSha256 : sha256(input.original);
  const atRef = ref.uid > 0 ? await input.connector.fetchRaw(ref) : null;
  if (atRef && sha256(atRef.raw) === expected) return ref;
  if (input.location.placement === 'banner') {
    const [copy] = await input.connector.findByHeader(ref.folder, BANNER_MARKER_HEADER, input.messageId);
    return copy ?? null;
  }
  return findOriginal(input, ref.folder);
}

async function findOriginal(input: MailboxActionInput, folder: string): Promise<MessageRef | null> {
  if (!input.messageIdHeader) return null;
  const want = sha256(input.original);
  for (const candidate of await input.connector.findByHeader(folder, 'Message-ID', input.messageIdHeader)) {
    const fetched = await input.connector.fetchRaw(candidate);
    if (fetched && sha256(fetched.raw) === want) return candidate;
  }
  return null;
}
