import { createHash } from 'node:crypto';
import { BANNER_MARKER_HEADER } from '../../actions/banner-copy.ts';
import type { MailboxConnection } from '../../storage/mailbox-connections.ts';
import type { MailboxConnector } from '../connector.ts';
import type { WatchDeps } from './sync-deps.ts';

export interface SyncOptions {
  /** Backlog throttle: after this many messages of a first sync or full resync, pause. */
  backlogBatch?: number;
  backlogPauseMs?: number;
  signal?: AbortSignal;
}

export interface SyncResult {
  /** Messages stored for the first time (each gets a scan). */
  stored: number;
  /**
   * Messages Mailward already had: a resync after a UIDVALIDITY change (location refreshed), or a
   * message someone moved back into the inbox (followed up). Nothing is scanned again.
   */
  known: number;
  /** Mailward's own banner copies, recognised by their bytes. */
  ownCopies: number;
  reset: boolean;
}

/**
 * One pass over the watched folder: list what is new since the stored cursor, fetch each message,
 * store it (its scan is planned by the ingest), remember where it is, and move the cursor after
 * every message, so a crash or a dropped connection resumes where it stopped. A message's id in
 * Mailward is the hash of its bytes, so listing it again (a restart, a lost IDLE event, a new
 * UIDVALIDITY) stores nothing twice and plans no second scan or action.
 */
export async function syncMailbox(
  connector: MailboxConnector,
  connection: MailboxConnection,
  deps: WatchDeps,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const { tenantId, mailboxId } = connection;
  const folder = connection.inboxFolder;
  const backlogSince = new Date(deps.clock().getTime() - connection.backlogDays * 86_400_000);
  const changes = await connector.listChangesSince(folder, connection.cursor, backlogSince);
  const result: SyncResult = { stored: 0, known: 0, ownCopies: 0, reset: changes.reset };
  if (changes.reset) {
    deps.log.info({ tenantId, mailboxId, messages: changes.added.length, first: connection.cursor === null }, 'mailbox full sync');
  }
  const batch = options.backlogBatch ?? 20;
  let sinceBreak = 0;
  for (const ref of changes.added) {
    options.signal?.throwIfAborted();
    const seenAt = deps.clock();
    const fetched = await connector.fetchRaw(ref);
    if (fetched) {
      const sha256 = createHash('sha256').update(fetched.raw).digest('hex');
      if (await isOwnBannerCopy(deps, connection, fetched.raw, sha256)) {
        result.ownCopies++;
      } else {
        const stored = await deps.ingest({
          tenantId,
          mailboxId,
          raw: fetched.raw,
          providerMessageId: `sha256:${sha256}`,
          onStored: async ({ messageId, created }) => {
            if (created) {
              await deps.locations.save(tenantId, {
                messageId,
                mailboxId,
                folder,
                uidValidity: ref.uidValidity,
                uid: ref.uid,
                internalDate: fetched.internalDate,
                placement: 'inbox',
              });
            } else {
              await deps.followKnown({ tenantId, mailboxId, messageId, ref, seenAt });
            }
          },
        });
        if (stored.created) result.stored++;
        else result.known++;
      }
    }
    await deps.connections.saveCursor(tenantId, mailboxId, { ...changes.cursor, lastUid: ref.uid });
    if (changes.reset && ++sinceBreak >= batch && options.backlogPauseMs) {
      sinceBreak = 0;
      await new Promise((resolve) => setTimeout(resolve, options.backlogPauseMs));
    }
  }
  await deps.connections.saveCursor(tenantId, mailboxId, changes.cursor);
  return result;
}

/**
 * Mailward's own banner copy: recognised by its bytes (hash noted before the append) or, should a
 * server rewrite bytes on APPEND, by its marker naming a message of this mailbox that is shown as a
 * banner. A forged marker naming anything else is scanned like any other mail.
 */
async function isOwnBannerCopy(deps: WatchDeps, connection: MailboxConnection, raw: Buffer, sha256: string): Promise<boolean> {
  if (await deps.locations.isBannerCopy(connection.tenantId, connection.mailboxId, sha256)) return true;
  const head = raw
    .subarray(0, Math.min(raw.length, 64 * 1024))
    .toString('latin1')
    .split(/\r?\n\r?\n/)[0];
  const marker = new RegExp(`^${BANNER_MARKER_HEADER}:[ \\t]*([0-9a-f-]{36})[ \\t]*$`, 'im').exec(head);
  return marker !== null && (await deps.locations.hasBannerCopy(connection.tenantId, connection.mailboxId, marker[1].toLowerCase()));
}
