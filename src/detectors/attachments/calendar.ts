/**
 * Calendar invitations (`text/calendar`, `.ics`) that carry web links other than the usual
 * meeting services. Invites land in the calendar even when the mail is junked, and their links
 * are not rewritten by most link-protection services.
 *
 * Example threat: an invite "Payroll update - action required" whose DESCRIPTION links to a
 * credential page on a free hosting site.
 *
 * Known false positives: invites with an agenda or event-page link (webinars, ticketing);
 * kept weak for that reason.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Attachment } from '../../mime/types.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, extensionOf, fileEvidence, textOf } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_CALENDAR_LINK',
    group: 'attachments',
    weight: 2,
    indicates: 'phish',
    description: 'An attached calendar invitation links to a web site other than a known meeting service.',
  },
] as const satisfies readonly SignalDefinition[];

/** Meeting services and the help/redirect hosts their invitations link to. */
const MEETING_HOSTS = [
  'zoom.us',
  'zoom.com',
  'zoomgov.com',
  'teams.microsoft.com',
  'teams.live.com',
  'microsoft.com',
  'aka.ms',
  'office.com',
  'office365.com',
  'outlook.com',
  'live.com',
  'meet.google.com',
  'google.com',
  'webex.com',
  'gotomeeting.com',
  'goto.com',
  'gotowebinar.com',
  'whereby.com',
  'meet.jit.si',
  'bluejeans.com',
  'chime.aws',
  'ringcentral.com',
  'skype.com',
  'apple.com',
  'icloud.com',
  'safelinks.protection.outlook.com',
  'urldefense.com',
  'urldefense.proofpoint.com',
];

export const calendarDetector: Detector = {
  id: 'attachments.calendar',
  stage: 'analyze',
  signals,
  run(ctx) {
    const evidence: string[] = [];
    for (const attachment of allAttachments(ctx)) {
      if (!isCalendar(attachment)) continue;
      // Long iCalendar lines are folded with CRLF + space; unfold so URLs are whole.
      const text = textOf(ctx, attachment, 256 * 1024).replace(/\r?\n[ \t]/g, '');
      for (const match of text.matchAll(/https?:\/\/([^/\s"'<>\\?#:]+)[^\s"'<>\\]*/gi)) {
        const host = match[1].toLowerCase();
        if (MEETING_HOSTS.some((known) => host === known || host.endsWith(`.${known}`))) continue;
        if (evidence.length < 5) evidence.push(fileEvidence(`${attachment.path}: ${match[0]}`));
      }
    }
    return evidence.length > 0 ? ([{ id: 'ATT_CALENDAR_LINK', evidence }] satisfies SignalHit[]) : [];
  },
};

function isCalendar(attachment: Attachment): boolean {
  return (
    attachment.detectedType?.ext === 'ics' ||
    attachment.declaredType.startsWith('text/calendar') ||
    extensionOf(attachment.filename) === 'ics'
  );
}
