import type { ImapFlow } from 'imapflow';
import type { MessageRef, RawMessage } from '../connector.ts';
import { withMessageFolder } from './folder-lock.ts';

/** The message's bytes as the server stores them, and its internal (arrival) date. */
export async function fetchRaw(client: ImapFlow, ref: MessageRef): Promise<RawMessage | null> {
  return withMessageFolder(client, ref, async () => {
    const found = await client.fetchOne(String(ref.uid), { uid: true, source: true, internalDate: true }, { uid: true });
    if (found === false || !found.source) return null;
    const internalDate = found.internalDate instanceof Date ? found.internalDate : new Date(found.internalDate ?? Date.now());
    return { ref, raw: found.source, internalDate };
  });
}
