import { errorMessage } from '../core/errors.ts';
import type { ServiceDeps } from '../service/deps.ts';
import { readReportMail } from './reported-messages.ts';
import { sendReply } from './send-reply.ts';
import { triageReport } from './triage-report.ts';

export interface ReportMailOutcome {
  tenantId: string | null;
  reportIds: string[];
}

/**
 * A message sent to the report address: find the reporter's tenant by their domain, triage every
 * message they forwarded as an attachment, and answer them through the relay. The answer's
 * delivery is recorded with the report; a relay failure is recorded, not retried here.
 */
export async function handleReportMail(
  deps: Pick<ServiceDeps, 'repos' | 'engine' | 'log' | 'config'>,
  raw: Uint8Array,
): Promise<ReportMailOutcome> {
  const log = deps.log.child({ component: 'report-mailbox' });
  const mail = await readReportMail(raw);
  const domain = mail.reporter.slice(mail.reporter.lastIndexOf('@') + 1);
  const tenant = domain ? await deps.repos.tenants.findByDomain(domain) : null;
  if (!tenant) {
    log.info({ domain }, 'report from a domain no tenant has: ignored');
    return { tenantId: null, reportIds: [] };
  }
  const reportIds: string[] = [];
  const answers: string[] = [];
  for (const reported of mail.reported) {
    const triaged = await triageReport(deps, { tenantId: tenant.id, channel: 'mailbox', reporter: mail.reporter, raw: reported });
    reportIds.push(triaged.report.id);
    answers.push(triaged.reply);
  }
  const text =
    answers.length > 0
      ? answers.join('\n\n---\n\n')
      : 'Thank you for your report. We could not find an attached message: please forward the suspicious email as an attachment.\n\nYour security team';
  const relay = deps.config.reports;
  const status = await (async () => {
    if (!relay.relayUrl) return { status: 'none' as const, error: 'no reply relay configured' };
    try {
      await sendReply(
        { url: relay.relayUrl, from: relay.from ?? relay.address ?? 'mailward@localhost' },
        mail.reporter,
        `Re: ${mail.subject || 'your report'}`,
        text,
      );
      return { status: 'sent' as const };
    } catch (error) {
      log.warn({ err: errorMessage(error) }, 'could not send the answer to a reporter');
      return { status: 'failed' as const, error: errorMessage(error) };
    }
  })();
  for (const id of reportIds) await deps.repos.userReports.recordReply(tenant.id, id, { text, status: status.status, error: status.error });
  return { tenantId: tenant.id, reportIds };
}
