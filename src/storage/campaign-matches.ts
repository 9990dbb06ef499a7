import type { Queryable } from './db.ts';
import type { Placement } from './message-locations.ts';

export interface CampaignCandidate {
  messageId: string;
  mailboxId: string;
  messageIdHeader: string | null;
  sha256: string;
  /** Where the copy sits now (null: not located yet), and when that last changed (ms). */
  placement: Placement | null;
  placedAt: number | null;
}

/**
 * Messages in the tenant's connector mailboxes that may be copies of one campaign message: the
 * same Message-ID header, or the same sender and subject (the caller compares bodies for those).
 * Journal copies are left out: they have no mailbox copy to act on.
 */
export async function findCampaignCandidates(
  db: Queryable,
  tenantId: string,
  key: { messageIdHeader: string | null; from: string; subject: string },
  limit = 5000,
): Promise<CampaignCandidate[]> {
  const { rows } = await db.query<{
    id: string;
    mailbox_id: string;
    message_id_header: string | null;
    sha256: string;
    placement: Placement | null;
    placed_at: Date | string | null;
  }>(
    `SELECT m.id, m.mailbox_id, m.message_id_header, m.sha256, l.placement, l.updated_at AS placed_at FROM messages m
     JOIN mailboxes b ON b.tenant_id = m.tenant_id AND b.id = m.mailbox_id AND b.provider = 'imap'
     LEFT JOIN message_locations l ON l.tenant_id = m.tenant_id AND l.message_id = m.id
     WHERE m.tenant_id = $1 AND (($2::text IS NOT NULL AND m.message_id_header = $2) OR (m.from_address = $3 AND m.subject = $4))
     ORDER BY m.received_at, m.id LIMIT $5`,
    [tenantId, key.messageIdHeader, key.from, key.subject, limit],
  );
  return rows.map((row) => ({
    messageId: row.id,
    mailboxId: row.mailbox_id,
    messageIdHeader: row.message_id_header,
    sha256: row.sha256,
    placement: row.placement,
    placedAt: row.placed_at === null ? null : new Date(row.placed_at).getTime(),
  }));
}
