/**
 * sender.message-id: the Message-ID is missing, malformed, or made on a domain unrelated to
 * the sender.
 *
 * Catches: hand-rolled sending scripts that omit the Message-ID or write one without `@`, and
 * spoofed brand mail whose Message-ID betrays the real origin
 * (`From: noreply@costco.example`, `Message-ID: <5101.6.WDH48@pcvelocity.example>`).
 *
 * Known false positives: mail submitted through a hosted provider stamps the provider's host
 * (`@mail.gmail.com`, `@*.prod.outlook.com`), and service providers stamp their own domain:
 * those, list mail and host names without a public suffix (`@localhost`) are skipped, and
 * the foreign-domain signal stays weak.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { BRAND_DOMAINS } from '../shared/brands.ts';
import { isFreemail } from '../shared/freemail.ts';
import { isBulkSenderDomain } from './bulk-senders.ts';
import { hasPublicSuffix, relatedDomains, siteOf } from './domains.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_MESSAGE_ID_MISSING',
    group: 'sender',
    weight: 1,
    indicates: 'phish',
    description: 'The message has no Message-ID, which every ordinary mail program adds.',
  },
  {
    id: 'SENDER_MESSAGE_ID_MALFORMED',
    group: 'sender',
    weight: 0.5,
    indicates: 'phish',
    description: 'The Message-ID is not in the standard `<id@domain>` form.',
  },
  {
    id: 'SENDER_MESSAGE_ID_FOREIGN',
    group: 'sender',
    weight: 1,
    indicates: 'phish',
    description: 'The Message-ID was not made by the free-mail provider or brand named in From, so the message was sent from elsewhere.',
  },
] as const satisfies readonly SignalDefinition[];

const WELL_FORMED = /^<[^<>\s@]+@[^<>\s@]+>$/;
/** Mail platforms that stamp their own host into every customer's Message-ID. */
const HOSTED_MAIL_SITES = new Set(['google.com', 'outlook.com', 'office365.com', 'yahoo.com', 'icloud.com', 'zoho.com', 'qq.com']);

export const messageIdDetector: Detector = {
  id: 'sender.message-id',
  stage: 'analyze',
  signals,
  run(ctx) {
    return messageIdHits(ctx);
  },
};

function messageIdHits(ctx: ScanContext): SignalHit[] {
  const messageId = ctx.message.messageId.trim();
  if (!messageId) return [{ id: 'SENDER_MESSAGE_ID_MISSING', evidence: ['no Message-ID field'] }];
  const evidence = clipEvidence(`Message-ID ${messageId}`);
  if (!WELL_FORMED.test(messageId)) return [{ id: 'SENDER_MESSAGE_ID_MALFORMED', evidence: [evidence] }];

  const facts = senderFacts(ctx);
  const idDomain = messageId.slice(messageId.lastIndexOf('@') + 1, -1).toLowerCase();
  if (!facts.fromDomain || facts.bulk || !hasPublicSuffix(idDomain)) return [];
  // Only senders whose mail is made in known places are compared: a free-mail provider's own
  // servers, a brand's mail systems. Company mail servers are named anything, so elsewhere a
  // foreign Message-ID says little (it fires on a quarter of ordinary mail).
  if (!facts.fromIsFreemail && !BRAND_DOMAINS.has(facts.fromSite)) return [];
  if (relatedDomains(idDomain, facts.fromDomain)) return [];
  if (facts.bounceDomain && relatedDomains(idDomain, facts.bounceDomain)) return [];
  if (isFreemail(idDomain) || isBulkSenderDomain(idDomain) || HOSTED_MAIL_SITES.has(siteOf(idDomain))) return [];
  return [{ id: 'SENDER_MESSAGE_ID_FOREIGN', evidence: [evidence, clipEvidence(`From ${facts.fromAddress}`)] }];
}
