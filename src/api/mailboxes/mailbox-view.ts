import type { MailboxConnection } from '../../storage/mailbox-connections.ts';
import type { Mailbox } from '../../storage/mailboxes.ts';

/** A mailbox as the API shows it: health and settings, never the sealed secret. */
export function mailboxView(mailbox: Mailbox, connection: MailboxConnection | null) {
  return {
    id: mailbox.id,
    address: mailbox.address,
    provider: mailbox.provider,
    displayName: mailbox.displayName,
    status: mailbox.status,
    lastError: mailbox.lastError,
    lastErrorAt: mailbox.lastErrorAt,
    createdAt: mailbox.createdAt,
    connection: connection && {
      host: connection.host,
      port: connection.port,
      tls: connection.tls,
      username: connection.username,
      authKind: connection.authKind,
      inboxFolder: connection.inboxFolder,
      quarantineMode: connection.quarantineMode,
      quarantineFolder: connection.quarantineFolder,
      backlogDays: connection.backlogDays,
      lastSyncAt: connection.lastSyncAt,
      cursor: connection.cursor && { uidValidity: connection.cursor.uidValidity, lastUid: connection.cursor.lastUid },
    },
  };
}
