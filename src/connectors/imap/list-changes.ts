import type { ImapFlow } from 'imapflow';
import type { ChangeCursor, ChangesSince, MessageRef } from '../connector.ts';

/**
 * New messages in a folder since a cursor. The folder's UIDVALIDITY is compared first: when it
 * changed, every UID is new and the whole backlog window is listed again (the ingest recognises
 * messages it already has by their bytes, so nothing is scanned or acted on twice). Otherwise a
 * UID SEARCH above the cursor's last UID lists what is new: UIDNEXT and HIGHESTMODSEQ as known
 * from the SELECT go stale while the folder stays selected in IDLE, so they cannot be trusted to
 * say "nothing new". The modseq (CONDSTORE) is kept in the cursor for the record.
 */
export async function listChanges(
  client: ImapFlow,
  folder: string,
  cursor: ChangeCursor | null,
  backlogSince: Date,
): Promise<ChangesSince> {
  const lock = await client.getMailboxLock(folder);
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`folder ${folder} is not open`);
    const uidValidity = String(box.uidValidity);
    const lastUidNow = Math.max(0, Number(box.uidNext) - 1);
    const modseq = box.highestModseq !== undefined ? String(box.highestModseq) : null;
    const refs = (uids: number[]): MessageRef[] => uids.sort((a, b) => a - b).map((uid) => ({ folder, uidValidity, uid }));

    if (!cursor || cursor.uidValidity !== uidValidity) {
      const found = box.exists === 0 ? [] : (await client.search({ since: backlogSince }, { uid: true })) || [];
      return { cursor: { uidValidity, lastUid: lastUidNow, modseq }, reset: true, added: refs(found.filter((uid) => uid <= lastUidNow)) };
    }
    const found = (await client.search({ uid: `${cursor.lastUid + 1}:*` }, { uid: true })) || [];
    // `n:*` always matches the last message, even below n: keep only what is really new.
    const added = found.filter((uid) => uid > cursor.lastUid);
    const lastUid = Math.max(cursor.lastUid, lastUidNow, ...added);
    return { cursor: { uidValidity, lastUid, modseq }, reset: false, added: refs(added) };
  } finally {
    lock.release();
  }
}
