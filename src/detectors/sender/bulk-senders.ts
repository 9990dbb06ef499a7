import type { ParsedMessage } from '../../mime/types.ts';
import { siteOf } from './domains.ts';

/**
 * Email service providers and list servers send on behalf of their customers: the bounce
 * address (Return-Path) and often the Message-ID are on the provider's domain, not the
 * customer's. Those differences are normal there and must not count against the sender.
 */
export const BULK_SENDER_SITES: ReadonlySet<string> = new Set([
  'amazonses.com',
  'sendgrid.net',
  'sendgrid.com',
  'mailgun.org',
  'mailgun.net',
  'mcsv.net',
  'rsgsv.net',
  'mcdlv.net',
  'mailchimpapp.net',
  'mailchimp.com',
  'mandrillapp.com',
  'sparkpostmail.com',
  'sparkpost.com',
  'mktomail.com',
  'marketo.org',
  'exacttarget.com',
  'sfmc-content.com',
  'salesforce.com',
  'createsend.com',
  'cmail19.com',
  'cmail20.com',
  'constantcontact.com',
  'ccsend.com',
  'rsys1.net',
  'rsys2.net',
  'rsys3.net',
  'rsys4.net',
  'rsys5.net',
  'emarsys.net',
  'sailthru.com',
  'postmarkapp.com',
  'mtasv.net',
  'mailjet.com',
  'sendinblue.com',
  'brevo.com',
  'hubspotemail.net',
  'hubspot.com',
  'hs-analytics.net',
  'elasticemail.com',
  'smtp2go.com',
  'mailerlite.com',
  'klaviyomail.com',
  'klaviyo.com',
  'icontact.com',
  'aweber.com',
  'getresponse.com',
  'infusionmail.com',
  'keap-link.com',
  'listrak.com',
  'bronto.com',
  'yesmail.com',
  'bluehornet.com',
  'cheetahmail.com',
  'epsilon.com',
  'acoustic.com',
  'mkt.com',
  'zendesk.com',
  'freshdesk.com',
  'intercom-mail.com',
  'helpscoutemail.com',
  'messagebus.com',
  'socketlabs.com',
  'mailup.com',
  'sendpulse.com',
  'customeriomail.com',
  'iterable.com',
  'braze.com',
  'mailersend.net',
  'googlegroups.com',
  'groups.io',
  'yahoogroups.com',
  'sourceforge.net',
  'google.com',
]);

/** True when the domain belongs to an email service provider or list server. */
export function isBulkSenderDomain(domain: string): boolean {
  return BULK_SENDER_SITES.has(siteOf(domain));
}

const BULK_PRECEDENCE = /^\s*(bulk|list|junk)\b/i;
const BULK_HEADER_KEYS = new Set([
  'list-id',
  'list-unsubscribe',
  'list-post',
  'list-help',
  'feedback-id',
  'x-campaign',
  'x-mailer-recptid',
]);

/** True when the message declares itself a list or bulk mailing (List-* headers, Precedence: bulk/list). */
export function declaresBulkMail(message: Pick<ParsedMessage, 'headers'>): boolean {
  for (const header of message.headers) {
    if (BULK_HEADER_KEYS.has(header.key)) return true;
    if (header.key === 'precedence' && BULK_PRECEDENCE.test(header.value)) return true;
  }
  return false;
}
