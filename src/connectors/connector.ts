/**
 * The connector vocabulary every provider speaks (IMAP now; Microsoft Graph and Gmail later):
 * list what changed since a cursor, fetch the raw bytes, move, flag, delete, append, and find a
 * message by its Message-ID. Everything else (what to scan, what to do) is built on these.
 */

/** Where one message is: a folder, the folder's UIDVALIDITY (as text), and the UID in it. */
export interface MessageRef {
  folder: string;
  uidValidity: string;
  uid: number;
}

/** How far a folder's sync got. A different UIDVALIDITY means every UID changed: resync. */
export interface ChangeCursor {
  uidValidity: string;
  lastUid: number;
  modseq: string | null;
}

export interface ChangesSince {
  /** The cursor after these changes. */
  cursor: ChangeCursor;
  /** The folder's UIDVALIDITY differs from the cursor's (or there was no cursor): `added` lists the whole window. */
  reset: boolean;
  /** New messages, oldest first. */
  added: MessageRef[];
}

export interface RawMessage {
  ref: MessageRef;
  raw: Buffer;
  internalDate: Date;
}

export interface MailboxConnector {
  /** Messages added since `cursor`; without one (or after a UIDVALIDITY change) those received since `backlogSince`. */
  listChangesSince(folder: string, cursor: ChangeCursor | null, backlogSince: Date): Promise<ChangesSince>;
  /** The raw bytes and internal date, or null when the message is no longer there. */
  fetchRaw(ref: MessageRef): Promise<RawMessage | null>;
  /** Moves a message; returns where it landed, or null when it was no longer in the source folder. */
  move(ref: MessageRef, destination: string): Promise<MessageRef | null>;
  /** Adds flags (`\\Flagged`, `$Junk`); false when the message was no longer there. */
  flag(ref: MessageRef, flags: string[]): Promise<boolean>;
  /** Deletes and expunges one message; false when it was no longer there. */
  delete(ref: MessageRef): Promise<boolean>;
  /** Appends raw bytes with an internal date and flags; returns the new message's place. */
  append(folder: string, raw: Buffer, options: { internalDate: Date; flags?: string[] }): Promise<MessageRef>;
  /** UIDs of messages in `folder` carrying this header value (Message-ID, or Mailward's own markers). */
  findByHeader(folder: string, header: string, value: string): Promise<MessageRef[]>;
  /** The folder with this special use (`\\Junk`), or null. */
  specialFolder(use: '\\Junk' | '\\Trash'): Promise<string | null>;
  /** Creates a folder if missing (quarantine); `subscribe: false` keeps it out of most clients' folder lists. */
  ensureFolder(path: string): Promise<void>;
  close(): Promise<void>;
}
