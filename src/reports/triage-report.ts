import { errorMessage } from '../core/errors.ts';
import type { ScanReport } from '../core/report.ts';
import { teachTenantModel } from '../feedback/teach-tenant-model.ts';
import { parseMessage } from '../mime/parse.ts';
import type { ServiceDeps } from '../service/deps.ts';
import { tenantScanSetup } from '../service/tenant-scan.ts';
import { sha256Hex } from '../storage/raw-mime.ts';
import type { ReportChannel, UserReport } from '../storage/user-reports.ts';
import { findOriginal } from './match-original.ts';
import { replyText } from './reply-text.ts';

export interface ReportInput {
  tenantId: string;
  channel: ReportChannel;
  /** Who reported: the user's address (mailbox) or the API key id (API). */
  reporter: string;
  /** A stored message of the tenant the user reported (API), or ... */
  messageId?: string;
  /** ... the reported message itself, as forwarded. */
  raw?: Uint8Array;
}

export interface TriagedReport {
  report: UserReport;
  scan: ScanReport;
  reply: string;
  subject: string;
}

export class ReportNotFoundError extends Error {}

/**
 * Automatic triage of one user report: find the stored original (the tenant's own mail only),
 * rescan it with the tenant's current settings and model layer, record the result and the report,
 * teach the tenant's model layer that users see this as a threat (and its behaviour model to
 * forget the sender), and write the answer.
 */
export async function triageReport(
  deps: Pick<ServiceDeps, 'repos' | 'engine' | 'log' | 'behaviour'>,
  input: ReportInput,
): Promise<TriagedReport> {
  const { repos } = deps;
  let messageId: string | null = null;
  let matchedBy: UserReport['matchedBy'] = 'none';
  let raw: Uint8Array;
  if (input.messageId) {
    const stored = await repos.rawMime.getForMessage(input.tenantId, input.messageId);
    if (!stored) throw new ReportNotFoundError('message');
    raw = stored;
    messageId = input.messageId;
    matchedBy = 'id';
  } else if (input.raw) {
    raw = input.raw;
    const match = await findOriginal(repos, input.tenantId, await parseMessage(raw));
    if (match.messageId) {
      const stored = await repos.rawMime.getForMessage(input.tenantId, match.messageId);
      // The stored original is what arrived; the forwarded copy may have been altered by the client.
      if (stored) {
        raw = stored;
        ({ messageId, matchedBy } = match);
      }
    }
  } else throw new ReportNotFoundError('reported message');

  const setup = await tenantScanSetup(deps, input.tenantId);
  const scan = await setup.engine.scan(raw, { settings: setup.settings });
  if (messageId) await repos.reports.save(input.tenantId, messageId, scan);
  const report = await repos.userReports.record(input.tenantId, {
    channel: input.channel,
    reporter: input.reporter,
    messageId,
    reportedSha256: sha256Hex(raw),
    matchedBy,
    verdictClass: scan.verdict.class,
    verdictScore: scan.verdict.score,
  });
  try {
    await teachTenantModel(repos, input.tenantId, raw, { label: 'threat', source: 'user-report', actor: input.reporter });
  } catch (error) {
    deps.log.error(
      { tenantId: input.tenantId, reportId: report.id, err: errorMessage(error) },
      'tenant model could not learn from a report',
    );
  }
  // The behaviour model forgets the reported sender (learning never failed a report: `teach` logs).
  await deps.behaviour?.teach(input.tenantId, raw, 'threat');
  const subject = scan.message.subject;
  const reply = replyText({ subject, verdict: scan.verdict.class, matched: messageId !== null });
  return { report, scan, reply, subject };
}
