import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import type { JobQueue } from '../queue/job-queue.ts';
import type { ApplyActionPayload } from '../queue/jobs.ts';
import type { Actor } from '../storage/actors.ts';
import { findCampaignCandidates } from '../storage/campaign-matches.ts';
import type { Db } from '../storage/db.ts';
import { StorageError } from '../storage/errors.ts';
import type { Placement } from '../storage/message-locations.ts';
import type { Repositories } from '../storage/repositories.ts';
import { enqueueMailboxAction } from './enqueue-mailbox-action.ts';

export interface PullBackResult {
  found: number;
  planned: number;
  mailboxes: number;
  messageIds: string[];
}

/** The body as words: the same campaign text hashes the same whatever its line breaks and spacing. */
async function bodyHash(raw: Buffer): Promise<string> {
  const parsed = await simpleParser(raw, { skipHtmlToText: false, skipTextLinks: true, skipTextToHtml: true });
  const words = (parsed.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  return createHash('sha256').update(words).digest('hex');
}

/** Where each pull-back action leaves a copy: a copy already there needs nothing. */
const DONE_PLACEMENTS: Record<PullBackAction, readonly Placement[]> = {
  quarantine: ['quarantine-folder', 'removed'],
  junk: ['junk', 'quarantine-folder', 'removed'],
  banner: ['banner', 'junk', 'quarantine-folder', 'removed'],
};
type PullBackAction = 'quarantine' | 'junk' | 'banner';

/**
 * Campaign pull-back: one message was judged harmful; find every copy of it in the tenant's
 * protected mailboxes (same Message-ID, or same sender, subject and body) and plan the action on
 * each copy that is not already where the action would put it. An action's key carries the time
 * the copy last moved: pulling back twice plans nothing new, while a copy an analyst released
 * after an earlier quarantine is pulled back again.
 */
export async function pullBackCampaign(
  deps: { db: Db; repos: Repositories; queue: JobQueue },
  request: { tenantId: string; messageId: string; action: PullBackAction; reason: string; actor: Actor },
): Promise<PullBackResult> {
  const { tenantId } = request;
  const source = await deps.repos.messages.get(tenantId, request.messageId);
  const sourceRaw = source ? await deps.repos.rawMime.getForMessage(tenantId, source.id) : null;
  if (!source || !sourceRaw) throw new StorageError('STORAGE_NOT_FOUND', 'message not found');
  const candidates = await findCampaignCandidates(deps.db, tenantId, {
    messageIdHeader: source.messageIdHeader,
    from: source.from,
    subject: source.subject,
  });
  let sourceBody: string | null = null;
  const matches: typeof candidates = [];
  for (const candidate of candidates) {
    const sameId = source.messageIdHeader !== null && candidate.messageIdHeader === source.messageIdHeader;
    if (sameId || candidate.messageId === source.id || candidate.sha256 === source.sha256) {
      matches.push(candidate);
      continue;
    }
    sourceBody ??= await bodyHash(sourceRaw);
    const raw = await deps.repos.rawMime.get(tenantId, candidate.sha256);
    if (raw && (await bodyHash(raw)) === sourceBody) matches.push(candidate);
  }
  let planned = 0;
  for (const match of matches) {
    if (match.placement && DONE_PLACEMENTS[request.action].includes(match.placement)) continue;
    const payload: ApplyActionPayload = {
      tenantId,
      mailboxId: match.mailboxId,
      messageId: match.messageId,
      action: request.action,
      reason: request.reason,
    };
    const { created } = await enqueueMailboxAction(deps, payload, `pull-back:${match.placedAt ?? 'unplaced'}`);
    if (created) planned++;
  }
  const result: PullBackResult = {
    found: matches.length,
    planned,
    mailboxes: new Set(matches.map((m) => m.mailboxId)).size,
    messageIds: matches.map((m) => m.messageId),
  };
  await deps.repos.audit.append(tenantId, {
    actor: request.actor,
    action: 'campaign.pull-back',
    target: { kind: 'message', id: source.id },
    details: { action: request.action, found: result.found, planned: result.planned, mailboxes: result.mailboxes, reason: request.reason },
  });
  return result;
}
