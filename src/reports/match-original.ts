import { createHash } from 'node:crypto';
import { parseMessage } from '../mime/parse.ts';
import type { ParsedMessage } from '../mime/types.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ReportMatch } from '../storage/user-reports.ts';

/** At most this many stored messages with the same sender and subject are compared by body. */
const MAX_CANDIDATES = 20;

export interface OriginalMatch {
  messageId: string | null;
  matchedBy: ReportMatch;
}

/**
 * Finds the stored original of a reported copy, in the reporter's tenant only: by Message-ID
 * first; else by sender and subject with the same body text (a forwarded copy keeps the body but
 * clients may rewrite headers). No match is a valid answer: the copy is then triaged on its own.
 */
export async function findOriginal(
  repos: Pick<Repositories, 'messages' | 'rawMime' | 'userReports'>,
  tenantId: string,
  reported: ParsedMessage,
): Promise<OriginalMatch> {
  if (reported.messageId) {
    const bare = reported.messageId.replace(/^<|>$/g, '');
    for (const form of [`<${bare}>`, bare]) {
      const [byId] = await repos.messages.findByMessageIdHeader(tenantId, form);
      if (byId) return { messageId: byId.id, matchedBy: 'message-id' };
    }
  }
  const from = reported.from?.address ?? '';
  if (!from) return { messageId: null, matchedBy: 'none' };
  const wanted = bodyHash(reported);
  const candidates = await repos.userReports.candidatesBySenderSubject(tenantId, from, reported.subject, MAX_CANDIDATES);
  for (const candidate of candidates) {
    const raw = await repos.rawMime.get(tenantId, candidate.sha256);
    if (!raw) continue;
    try {
      if (bodyHash(await parseMessage(raw)) === wanted) return { messageId: candidate.id, matchedBy: 'sender-subject-body' };
    } catch {
      // An unreadable stored message cannot be the original of a readable copy.
    }
  }
  return { messageId: null, matchedBy: 'none' };
}

/** The visible body text with whitespace folded, so line-wrapping by the forwarding client does not matter. */
export function bodyHash(message: Pick<ParsedMessage, 'text' | 'htmlText'>): string {
  const text = (message.text || message.htmlText).replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(text).digest('hex');
}
