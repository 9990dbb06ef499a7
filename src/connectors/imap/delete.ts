import type { ImapFlow } from 'imapflow';
import type { MessageRef } from '../connector.ts';
import { withMessageFolder } from './folder-lock.ts';

/** Marks one message \Deleted and expunges it (UID EXPUNGE: other deleted mail of the user is left alone). */
export async function deleteMessage(client: ImapFlow, ref: MessageRef): Promise<boolean> {
  const done = await withMessageFolder(client, ref, async () => {
    const present = await client.search({ uid: String(ref.uid) }, { uid: true });
    if (!(present || []).includes(ref.uid)) return false;
    return client.messageDelete(String(ref.uid), { uid: true });
  });
  return done === true;
}
