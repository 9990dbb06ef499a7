import type { Logger } from 'pino';
import type { MailboxConnectionsRepository } from '../../storage/mailbox-connections.ts';
import type { MailboxesRepository } from '../../storage/mailboxes.ts';
import type { MessageLocationsRepository } from '../../storage/message-locations.ts';
import type { MessageRef } from '../connector.ts';

/** Stores one fetched message and plans its scan; `onStored` runs in between (the location must be known before any action). */
export type IngestFetched = (input: {
  tenantId: string;
  mailboxId: string;
  raw: Buffer;
  providerMessageId: string;
  onStored: (message: { messageId: string; created: boolean }) => Promise<void>;
}) => Promise<{ messageId: string; created: boolean }>;

/** What watching a mailbox needs from the rest of Mailward, handed in (the service wires it). */
export interface WatchDeps {
  connections: MailboxConnectionsRepository;
  locations: MessageLocationsRepository;
  mailboxes: MailboxesRepository;
  ingest: IngestFetched;
  /**
   * A message Mailward already has was listed in the inbox again: a resync, or someone moved it
   * back there (the service re-applies a standing quarantine, `followKnownMessage`).
   */
  followKnown: (input: { tenantId: string; mailboxId: string; messageId: string; ref: MessageRef; seenAt: Date }) => Promise<unknown>;
  log: Logger;
  clock: () => Date;
}

export type { MessageRef };
