import type { ImapFlow } from 'imapflow';
import type { MailboxConnector } from '../connector.ts';
import { appendMessage } from './append.ts';
import { deleteMessage } from './delete.ts';
import { fetchRaw } from './fetch-raw.ts';
import { findByHeader } from './find-by-header.ts';
import { flagMessage } from './flag.ts';
import { ensureFolder, specialFolder } from './folders.ts';
import { listChanges } from './list-changes.ts';
import { moveMessage } from './move.ts';

/** The connector vocabulary over one logged-in IMAP connection; each operation is its own file. */
export function imapConnector(client: ImapFlow): MailboxConnector {
  return {
    listChangesSince: (folder, cursor, backlogSince) => listChanges(client, folder, cursor, backlogSince),
    fetchRaw: (ref) => fetchRaw(client, ref),
    move: (ref, destination) => moveMessage(client, ref, destination),
    flag: (ref, flags) => flagMessage(client, ref, flags),
    delete: (ref) => deleteMessage(client, ref),
    append: (folder, raw, options) => appendMessage(client, folder, raw, options),
    findByHeader: (folder, header, value) => findByHeader(client, folder, header, value),
    specialFolder: (use) => specialFolder(client, use),
    ensureFolder: (path) => ensureFolder(client, path),
    close: async () => {
      await client.logout().catch(() => client.close());
    },
  };
}
