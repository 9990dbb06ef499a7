import type { ImapFlow } from 'imapflow';
import type { MessageRef } from '../connector.ts';
import { withMessageFolder } from './folder-lock.ts';

export async function flagMessage(client: ImapFlow, ref: MessageRef, flags: string[]): Promise<boolean> {
  const done = await withMessageFolder(client, ref, () => client.messageFlagsAdd(String(ref.uid), flags, { uid: true }));
  return done === true;
}
