import type { ImapFlow } from 'imapflow';
import type { MessageRef } from '../connector.ts';

/** SEARCH HEADER: where a message with this Message-ID (or one of Mailward's markers) sits in a folder. */
export async function findByHeader(client: ImapFlow, folder: string, header: string, value: string): Promise<MessageRef[]> {
  const lock = await client.getMailboxLock(folder);
  try {
    const uidValidity = String(client.mailbox ? client.mailbox.uidValidity : '');
    const uids = (await client.search({ header: { [header]: value } }, { uid: true })) || [];
    return uids.sort((a, b) => a - b).map((uid) => ({ folder, uidValidity, uid }));
  } finally {
    lock.release();
  }
}
