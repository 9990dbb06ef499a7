import type { ImapFlow } from 'imapflow';
import type { MessageRef } from '../connector.ts';

/** APPEND with the given internal date (a released message keeps the date it first arrived). */
export async function appendMessage(
  client: ImapFlow,
  folder: string,
  raw: Buffer,
  options: { internalDate: Date; flags?: string[] },
): Promise<MessageRef> {
  const result = await client.append(folder, raw, options.flags ?? [], options.internalDate);
  if (!result) throw new Error(`APPEND to ${folder} was refused`);
  let uidValidity = result.uidValidity !== undefined ? String(result.uidValidity) : '';
  let uid = result.uid ?? 0;
  if (!uidValidity || !uid) {
    // Without UIDPLUS: the newest message of the folder is ours (appends to one folder are ordered).
    const status = await client.status(folder, { uidNext: true, uidValidity: true });
    if (!status) throw new Error(`STATUS ${folder} failed after APPEND`);
    uidValidity = String(status.uidValidity);
    uid = Number(status.uidNext) - 1;
  }
  return { folder, uidValidity, uid };
}
