import type { Queryable } from './db.ts';
import { isoOrNull, isUuid, toDate } from './rows.ts';

/** What the user sees of a message now. */
export type Placement = 'inbox' | 'junk' | 'quarantine-folder' | 'removed' | 'banner';

export interface MessageLocation {
  tenantId: string;
  messageId: string;
  mailboxId: string;
  folder: string;
  uidValidity: string;
  uid: number;
  internalDate: Date;
  placement: Placement;
  bannerSha256: string | null;
  /** When the message last moved (or was found again): an undo is keyed by the state it undoes. */
  updatedAt: Date;
}

interface LocationRow {
  tenant_id: string;
  message_id: string;
  mailbox_id: string;
  folder: string;
  uid_validity: string;
  uid: string | number;
  internal_date: Date | string;
  placement: Placement;
  banner_sha256: string | null;
  updated_at: Date | string;
}

function toLocation(row: LocationRow): MessageLocation {
  return {
    tenantId: row.tenant_id,
    messageId: row.message_id,
    mailboxId: row.mailbox_id,
    folder: row.folder,
    uidValidity: row.uid_validity,
    uid: Number(row.uid),
    internalDate: toDate(row.internal_date),
    placement: row.placement,
    updatedAt: toDate(row.updated_at),
    bannerSha256: row.banner_sha256,
  };
}

/** Where each connector message sits in its mailbox, so actions find it and can undo themselves. */
export class MessageLocationsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async get(tenantId: string, messageId: string): Promise<MessageLocation | null> {
    if (!isUuid(messageId)) return null;
    const { rows } = await this.#db.query<LocationRow>('SELECT * FROM message_locations WHERE tenant_id = $1 AND message_id = $2', [
      tenantId,
      messageId,
    ]);
    return rows[0] ? toLocation(rows[0]) : null;
  }

  /** Records where a message is (after the sync saw it, or after an action moved it). */
  async save(
    tenantId: string,
    location: Omit<MessageLocation, 'tenantId' | 'bannerSha256' | 'updatedAt'> & { bannerSha256?: string | null },
  ): Promise<void> {
    await this.#db.query(
      `INSERT INTO message_locations (tenant_id, message_id, mailbox_id, folder, uid_validity, uid, internal_date, placement, banner_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9)
       ON CONFLICT (tenant_id, message_id) DO UPDATE SET folder = EXCLUDED.folder, uid_validity = EXCLUDED.uid_validity,
         uid = EXCLUDED.uid, placement = EXCLUDED.placement, banner_sha256 = EXCLUDED.banner_sha256, updated_at = now()`,
      [
        tenantId,
        location.messageId,
        location.mailboxId,
        location.folder,
        location.uidValidity,
        location.uid,
        isoOrNull(location.internalDate),
        location.placement,
        location.bannerSha256 ?? null,
      ],
    );
  }

  /** The sync saw a known message again (a resync after a new UIDVALIDITY): its UID changed, nothing else. */
  async refreshUid(tenantId: string, messageId: string, at: { folder: string; uidValidity: string; uid: number }): Promise<void> {
    await this.#db.query(
      `UPDATE message_locations SET uid_validity = $4, uid = $5, updated_at = now()
       WHERE tenant_id = $1 AND message_id = $2 AND folder = $3`,
      [tenantId, messageId, at.folder, at.uidValidity, at.uid],
    );
  }

  /** Notes a banner copy's hash before it is appended, so the sync never takes the copy for new mail. */
  async setBannerSha(tenantId: string, messageId: string, sha256: string): Promise<void> {
    await this.#db.query('UPDATE message_locations SET banner_sha256 = $3, updated_at = now() WHERE tenant_id = $1 AND message_id = $2', [
      tenantId,
      messageId,
      sha256,
    ]);
  }

  /** A message of this mailbox whose user-visible copy is Mailward's banner copy. */
  async hasBannerCopy(tenantId: string, mailboxId: string, messageId: string): Promise<boolean> {
    if (!isUuid(messageId)) return false;
    const { rows } = await this.#db.query(
      "SELECT 1 FROM message_locations WHERE tenant_id = $1 AND mailbox_id = $2 AND message_id = $3 AND placement = 'banner'",
      [tenantId, mailboxId, messageId],
    );
    return rows.length > 0;
  }

  async isBannerCopy(tenantId: string, mailboxId: string, sha256: string): Promise<boolean> {
    const { rows } = await this.#db.query(
      'SELECT 1 FROM message_locations WHERE tenant_id = $1 AND mailbox_id = $2 AND banner_sha256 = $3 LIMIT 1',
      [tenantId, mailboxId, sha256],
    );
    return rows.length > 0;
  }
}
