/**
 * Reads the behaviour model's facts (`behaviour/message-facts.ts`) off a scanned message, once
 * per scan. Only what a real deployment sees is used: header fields, the receiving provider's
 * trusted Authentication-Results stamp and Received trace, and the language detectors' signals.
 */
import { isIP } from 'node:net';
import type { AuthFact, Direction, MessageFacts } from '../../behaviour/message-facts.ts';
import { headerValue } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { providerAuth, providerResults } from '../auth/provider-results.ts';
import { authTrustBoundary } from '../auth/trust-boundary.ts';
import { domainOfAddress, siteOf } from '../sender/domains.ts';
import { senderFacts } from '../sender/sender-facts.ts';

const PAYMENT_SIGNALS = [
  'LANG_GIFT_CARD_REQUEST',
  'LANG_WIRE_TRANSFER_REQUEST',
  'LANG_BANK_DETAILS_CHANGE',
  'LANG_INVOICE_PAYMENT_REQUEST',
];
const CREDENTIAL_SIGNALS = ['LANG_CREDENTIAL_REQUEST'];

/**
 * An account number to pay into (IBAN, or a labelled account / sort code): where a payment
 * request sends the money, the one thing every bank-detail fraud must contain.
 */
const PAYMENT_DESTINATION =
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b|\b(?:account (?:number|no\.?)|sort code|routing number|swift|bic)\s*:?\s*[A-Z0-9][A-Z0-9 -]{5,}/i;

/** Reply and forward prefixes in the languages business mail commonly uses. */
const REPLY_SUBJECT = /^\s*(re|aw|sv|vs|antw|réf|ref|rif|r|wg|fw|fwd|tr)\s*(\[\d+\])?\s*:/i;
/** Quoted history as mail clients write it. */
const QUOTED_HISTORY =
  /^(On .{4,120} wrote:|-{2,}\s*Original Message\s*-{2,}|From: .+\r?\nSent: |Am .{4,80} schrieb .{1,80}:|Le .{4,80} a écrit\s?:)/im;

export function behaviourFacts(ctx: ScanContext): MessageFacts {
  return ctx.feature('behaviour.facts', computeFacts);
}

function computeFacts(ctx: ScanContext): MessageFacts {
  const message = ctx.message;
  const sender = senderFacts(ctx);
  const date = message.date && !Number.isNaN(message.date.getTime()) ? message.date : ctx.clock();
  const at = date.getTime();
  const orgSites = sender.orgSites;
  const isOrg = (site: string) => orgSites.has(site);
  const recipients = [...new Set([...message.to, ...message.cc].map((a) => a.address.toLowerCase()).filter((a) => a.includes('@')))];
  const orgRecipients: string[] = [];
  const externalRecipients: string[] = [];
  const externalRecipientSites: string[] = [];
  for (const address of recipients) {
    const site = siteOf(domainOfAddress(address));
    if (isOrg(site)) orgRecipients.push(address);
    else {
      externalRecipients.push(address);
      externalRecipientSites.push(site);
    }
  }
  const fromOrg = sender.fromSite !== '' && isOrg(sender.fromSite);
  const direction: Direction = !fromOrg ? 'inbound' : externalRecipients.length > 0 ? 'outbound' : 'internal';
  const replyToSites = [
    ...new Set(message.replyTo.map((a) => siteOf(domainOfAddress(a.address.toLowerCase()))).filter((s) => s && s !== sender.fromSite)),
  ];
  const hits = ctx.analyzeHits;
  return {
    at,
    hour: date.getUTCHours(),
    direction,
    from: sender.fromAddress,
    fromDomain: sender.fromDomain,
    fromSite: sender.fromSite,
    fromName: sender.displayName.trim().replace(/\s+/g, ' ').slice(0, 120),
    fromFreemail: sender.fromIsFreemail,
    replyToSites,
    orgRecipients,
    externalRecipients,
    externalRecipientSites,
    messageId: messageIdOf(message.messageId),
    references: [...new Set([message.inReplyTo, ...message.references].map(messageIdOf).filter(Boolean))],
    claimsReply: REPLY_SUBJECT.test(message.subject) || QUOTED_HISTORY.test(message.text.slice(0, 20_000)),
    auth: dmarcFact(ctx),
    infra: infrastructure(ctx),
    client: mailClient(ctx),
    bulk: sender.bulk,
    asksPayment: PAYMENT_SIGNALS.some((id) => hits.has(id)) || PAYMENT_DESTINATION.test(message.text.slice(0, 20_000)),
    asksCredentials: CREDENTIAL_SIGNALS.some((id) => hits.has(id)),
  };
}

export function messageIdOf(value: string): string {
  return value.trim().replace(/^<|>$/g, '').toLowerCase().slice(0, 250);
}

/** The receiving provider's DMARC verdict on the From domain, when it stamped one we trust. */
function dmarcFact(ctx: ScanContext): AuthFact {
  const dmarc = providerResults(providerAuth(ctx), 'dmarc');
  const result = dmarc?.entries[0]?.result;
  if (result === 'pass') return 'pass';
  if (result === 'fail') return 'fail';
  if (result === 'none') return 'none';
  return 'unknown';
}

/**
 * Where the message entered the provider from: the registrable domain of the connecting host's
 * reverse-DNS name (else its HELO name), or the /16 network when it has no usable name. A
 * supplier's mail normally comes from the same provider; a compromised account used from a
 * bulk-mailing VPS does not.
 */
function infrastructure(ctx: ScanContext): string {
  const boundary = authTrustBoundary(ctx);
  if (!boundary) return '';
  const edge = boundary.edge;
  for (const name of [edge.rdns, edge.helo]) {
    if (name && !isIP(name.replace(/^\[|\]$/g, '')) && name.includes('.')) {
      const site = siteOf(name);
      if (site) return site;
    }
  }
  const ip = boundary.client?.ip ?? edge.clientIp ?? '';
  if (isIP(ip) === 4) return `${ip.split('.').slice(0, 2).join('.')}.0.0/16`;
  if (isIP(ip) === 6) return `${ip.split(':').slice(0, 3).join(':')}::/48`;
  return '';
}

/** The sending client's name without version numbers: `Microsoft Outlook 16.0.17928` -> `microsoft outlook`. */
function mailClient(ctx: ScanContext): string {
  const value = headerValue(ctx.message, 'x-mailer') ?? headerValue(ctx.message, 'user-agent') ?? '';
  return value
    .toLowerCase()
    .replace(/[\d.]+[\w.-]*/g, ' ')
    .replace(/[()[\];,/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
}
