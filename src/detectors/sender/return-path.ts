/**
 * sender.return-path: the envelope sender (SMTP MAIL FROM, seen as Return-Path) belongs to an
 * organisation unrelated to the From address.
 *
 * Catches: messages whose visible From is borrowed (`From: noreply@costco.example`) but which were
 * really sent, and bounce back to, a throw-away domain (`Return-Path: 7gzye41@oqmhwr.example`), and
 * mail relayed through hacked hosts (`root@ubuntu-s-1vcpu`).
 *
 * Known false positives: many. Email service providers, list servers, forwarders (SRS) and ticket
 * systems all bounce to their own domain. Known providers and declared bulk mail are skipped, VERP
 * and SRS addresses that carry the From domain count as related, and the signal stays weak.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { hasPublicSuffix, relatedDomains } from './domains.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_RETURN_PATH_MISMATCH',
    group: 'sender',
    weight: 0.5,
    indicates: 'phish',
    description: 'Bounces go to a domain unrelated to the sender’s own, so another party actually sent the message.',
  },
  {
    id: 'SENDER_RETURN_PATH_NOT_A_DOMAIN',
    group: 'sender',
    weight: 1,
    indicates: 'phish',
    description: 'The envelope sender is a bare host name (such as a freshly installed server), not a real mail domain.',
  },
] as const satisfies readonly SignalDefinition[];

export const returnPathDetector: Detector = {
  id: 'sender.return-path',
  stage: 'analyze',
  signals,
  run(ctx) {
    return returnPathHits(ctx);
  },
};

function returnPathHits(ctx: ScanContext): SignalHit[] {
  const facts = senderFacts(ctx);
  // A null sender (bounces, auto-replies) or no From at all leaves nothing to compare.
  if (!facts.bounceDomain || !facts.fromDomain) return [];
  const evidence = [clipEvidence(`envelope sender ${facts.bounceAddress}`), clipEvidence(`From ${facts.fromAddress}`)];
  if (!hasPublicSuffix(facts.bounceDomain)) {
    return [{ id: 'SENDER_RETURN_PATH_NOT_A_DOMAIN', evidence }];
  }
  if (facts.bulk || relatedDomains(facts.bounceDomain, facts.fromDomain)) return [];
  if (localPartNamesDomain(facts.bounceAddress, facts.fromDomain)) return [];
  return [{ id: 'SENDER_RETURN_PATH_MISMATCH', evidence }];
}

/**
 * VERP and SRS bounce addresses carry the original sender inside the local part
 * (`SRS0=hash=tt=example.com=alice@forwarder.example`, `bounce-alice=example.com@esp.example`).
 */
function localPartNamesDomain(bounceAddress: string, fromDomain: string): boolean {
  const local = bounceAddress.slice(0, bounceAddress.lastIndexOf('@'));
  return local.includes(fromDomain);
}
