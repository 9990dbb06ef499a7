import type { ImapFlow } from 'imapflow';
import type { MessageRef } from '../connector.ts';
import { withMessageFolder } from './folder-lock.ts';

/** MOVE (or COPY + EXPUNGE where the server lacks MOVE, which imapflow handles); the new place from UIDPLUS. */
export async function moveMessage(client: ImapFlow, ref: MessageRef, destination: string): Promise<MessageRef | null> {
  return withMessageFolder(client, ref, async () => {
    const present = await client.search({ uid: String(ref.uid) }, { uid: true });
    if (!(present || []).includes(ref.uid)) return null;
    const result = await client.messageMove(String(ref.uid), destination, { uid: true });
    if (!result) return null;
    const uid = result.uidMap?.get(ref.uid);
    return { folder: destination, uidValidity: result.uidValidity !== undefined ? String(result.uidValidity) : '', uid: uid ?? 0 };
  });
}
