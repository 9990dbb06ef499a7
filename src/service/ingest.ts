import { readHeaderFacts } from '../ingest/header-facts.ts';
import type { Envelope } from '../pipeline/scan-context.ts';
import { sha256Hex } from '../storage/raw-mime.ts';
import type { ServiceDeps } from './deps.ts';
import { recentRawOf } from './recent-raw.ts';
import { enqueueScan } from './scan-jobs.ts';

export interface IngestInput {
  tenantId: string;
  /** A connector's mailbox. Absent for journal and API mail: they go to the tenant's journal pseudo-mailbox. */
  mailboxId?: string;
  raw: Uint8Array;
  source: 'smtp-journal' | 'api' | 'imap';
  /** The SMTP envelope as received (for journal copies: the journaling hop, not the original delivery). */
  envelope?: Envelope;
  /** The provider's id; defaults to `sha256:<hex of the bytes>`, so the same bytes twice are one message. */
  providerMessageId?: string;
  /** Runs after the message is stored and before its scan is planned (a connector records where the message is). */
  onStored?: (message: { messageId: string; created: boolean }) => Promise<void>;
}

/** Journal and API mail of a tenant lands in one pseudo-mailbox of this provider kind and address. */
export const JOURNAL_MAILBOX = { provider: 'smtp-journal', address: 'journal' } as const;

const journalMailboxIds = new WeakMap<object, Map<string, string>>();

/** The tenant's journal pseudo-mailbox, created on first use (upsert: safe from many processes at once). */
export async function journalMailboxId(deps: Pick<ServiceDeps, 'repos'>, tenantId: string): Promise<string> {
  let cache = journalMailboxIds.get(deps.repos);
  if (!cache) {
    cache = new Map();
    journalMailboxIds.set(deps.repos, cache);
  }
  const known = cache.get(tenantId);
  if (known) return known;
  const mailbox = await deps.repos.mailboxes.upsert(tenantId, { ...JOURNAL_MAILBOX, displayName: 'Journal and API uploads' });
  cache.set(tenantId, mailbox.id);
  return mailbox.id;
}

/**
 * Stores one message durably (raw bytes and list facts, in one transaction), then enqueues its
 * scan, and only then resolves: whoever acknowledges the sender (SMTP 250, HTTP 202) may rely on
 * the message being kept and scanned. Ingesting the same message twice returns the first one and
 * scans nothing again; a message stored earlier whose scan was never enqueued (a crash between the
 * two steps) gets its scan now. Bytes the engine cannot parse are stored all the same: the scan
 * reports them as unscannable.
 */
export async function ingestRawMessage(deps: ServiceDeps, input: IngestInput): Promise<{ messageId: string; created: boolean }> {
  const mailboxId = input.mailboxId ?? (await journalMailboxId(deps, input.tenantId));
  const facts = readHeaderFacts(input.raw);
  const providerMessageId = input.providerMessageId ?? `sha256:${sha256Hex(input.raw)}`;
  const to = facts.to.length > 0 ? facts.to : (input.envelope?.rcptTo ?? []).map((a) => a.toLowerCase());
  const { message, created } = await deps.repos.messages.ingest(input.tenantId, {
    mailboxId,
    providerMessageId,
    messageIdHeader: facts.messageIdHeader,
    from: facts.from,
    fromName: facts.fromName,
    to,
    subject: facts.subject,
    sentAt: facts.sentAt,
    receivedAt: deps.clock(),
    raw: input.raw,
  });
  await input.onStored?.({ messageId: message.id, created });
  if (created || message.verdict === null) {
    // This process scans it too: hand the bytes over instead of reading them back.
    if (deps.config.role === 'all') recentRawOf(deps.repos).put(input.tenantId, message.id, input.raw);
    await enqueueScan(
      deps,
      { tenantId: input.tenantId, mailboxId, messageId: message.id },
      { recipient: to[0], pseudoMailbox: !input.mailboxId },
    );
  }
  deps.log.debug({ tenantId: input.tenantId, messageId: message.id, created, source: input.source }, 'message ingested');
  return { messageId: message.id, created };
}
