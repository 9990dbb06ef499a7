import type { ImapFlow } from 'imapflow';
import type { MessageRef } from '../connector.ts';

/**
 * Runs `work` with the message's folder selected, or returns null without running it when the
 * folder's UIDVALIDITY is no longer the reference's: a UID from another validity would name a
 * different message, and acting on it would hit the wrong mail.
 */
export async function withMessageFolder<T>(client: ImapFlow, ref: MessageRef, work: () => Promise<T | null>): Promise<T | null> {
  const lock = await client.getMailboxLock(ref.folder);
  try {
    if (String(client.mailbox ? client.mailbox.uidValidity : '') !== ref.uidValidity) return null;
    return await work();
  } finally {
    lock.release();
  }
}
