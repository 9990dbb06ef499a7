import { ImapFlow } from 'imapflow';
import type { Dovecot, DovecotUser } from './dovecot.ts';

export interface SeenMessage {
  uid: number;
  raw: Buffer;
  flags: string[];
  internalDate: Date;
}

/** A connection as the user's own mail client (a separate login), closed after `use`. */
async function asUser<T>(dovecot: Dovecot, user: DovecotUser, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: user.address, pass: user.password },
    logger: false,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** What a user sees in a folder, read over IMAP with a separate connection (as a mail client would). */
export async function folderContents(dovecot: Dovecot, user: DovecotUser, folder = 'INBOX'): Promise<SeenMessage[]> {
  return asUser(dovecot, user, async (client) => {
    const folders = await client.list();
    if (!folders.some((f) => f.path === folder)) return [];
    const lock = await client.getMailboxLock(folder);
    try {
      if (client.mailbox === false || client.mailbox.exists === 0) return [];
      const found = await client.fetchAll('1:*', { uid: true, source: true, flags: true, internalDate: true });
      return found.map((m) => ({
        uid: m.uid,
        raw: m.source ?? Buffer.alloc(0),
        flags: [...(m.flags ?? [])],
        internalDate: m.internalDate instanceof Date ? m.internalDate : new Date(String(m.internalDate)),
      }));
    } finally {
      lock.release();
    }
  });
}

export function header(raw: Buffer, name: string): string | null {
  const head = raw.toString('latin1').split(/\r?\n\r?\n/)[0];
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? match[1].replace(/\r?\n[ \t]/g, ' ').trim() : null;
}

/** Moves a message between folders as the user's own mail client would (found by its Message-ID). */
export async function moveAsUser(dovecot: Dovecot, user: DovecotUser, messageId: string, from: string, to: string): Promise<void> {
  await asUser(dovecot, user, async (client) => {
    const lock = await client.getMailboxLock(from);
    try {
      const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      if (uids.length !== 1) throw new Error(`expected one ${messageId} in ${from}, found ${uids.length}`);
      await client.messageMove(uids, to, { uid: true });
    } finally {
      lock.release();
    }
  });
}
