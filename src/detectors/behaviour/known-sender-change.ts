/**
 * behaviour.known-sender-change: a sender the organisation knows well behaves unlike itself:
 * its domain suddenly fails authentication, its mail arrives from new infrastructure, replies
 * are diverted to a new domain, it writes at an hour it never does, or it asks for payment
 * when it never has. The signature of vendor email compromise. When nothing changed, the
 * established relationship itself is recorded (a small negative weight).
 *
 * Catches: the real `billing@supplier.example` mailbox, taken over, sending "our bank details
 * have changed" with Reply-To on a look-alike domain; the same text spoofed from a VPS that
 * fails DMARC for a domain that always passes.
 * Known false positives: a partner moving to a new mail provider or adding a ticketing system
 * (new infrastructure alone weighs little), travel (hours), forwarded mail that breaks DKIM.
 */

import { hourShare, hourTotal } from '../../behaviour/counters.ts';
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { behaviourFacts } from './behaviour-facts.ts';

const signals = [
  {
    id: 'BEH_KNOWN_SENDER_AUTH_FAIL',
    group: 'behaviour',
    weight: 3,
    indicates: 'phish',
    description: 'A domain whose mail has always passed authentication (DMARC) now fails it.',
  },
  {
    id: 'BEH_KNOWN_SENDER_NEW_INFRA',
    group: 'behaviour',
    weight: 1.5,
    indicates: 'phish',
    description: 'A known correspondent’s mail arrives from sending infrastructure it has never used.',
  },
  {
    id: 'BEH_KNOWN_SENDER_NEW_REPLY_TO',
    group: 'behaviour',
    weight: 2.5,
    indicates: 'phish',
    description: 'A known correspondent asks for replies to go to a domain it has never used for that.',
  },
  {
    id: 'BEH_KNOWN_SENDER_ODD_HOUR',
    group: 'behaviour',
    weight: 1,
    indicates: 'phish',
    description: 'A known correspondent writes at an hour it practically never writes.',
  },
  {
    id: 'BEH_KNOWN_SENDER_NEW_PAYMENT_TALK',
    group: 'behaviour',
    weight: 2,
    indicates: 'phish',
    description: 'A known correspondent asks for payment or announces bank-detail changes, which it has never done before.',
  },
  {
    id: 'BEH_ESTABLISHED_CORRESPONDENT',
    group: 'behaviour',
    weight: -1.5,
    indicates: 'none',
    description: 'An established two-way correspondent writing as it always does (same authentication, infrastructure and reply address).',
  },
] as const satisfies readonly SignalDefinition[];

/** Clean messages from a domain before its habits are compared. */
const KNOWN_AFTER = 5;
const ODD_HOUR_SHARE = 0.02;
const HOURS_NEEDED = 20;

export const knownSenderChangeDetector: Detector = {
  id: 'behaviour.known-sender-change',
  stage: 'correlate',
  signals,
  run(ctx) {
    const model = ctx.behaviour;
    if (!model) return [];
    const facts = behaviourFacts(ctx);
    if (facts.direction !== 'inbound' || facts.fromFreemail) return [];
    const domain = model.domain(facts.fromSite);
    if (!domain || domain.inbound < KNOWN_AFTER) return [];
    const hits: SignalHit[] = [];
    const since = `known since ${new Date(domain.firstSeen).toISOString().slice(0, 10)}, ${domain.inbound} messages`;
    const judged = domain.authPass + domain.authFail;
    if (facts.auth === 'fail' && domain.authPass >= KNOWN_AFTER && domain.authPass / judged >= 0.9) {
      hits.push({
        id: 'BEH_KNOWN_SENDER_AUTH_FAIL',
        evidence: [clipEvidence(`${facts.fromSite} failed DMARC`), `passed ${domain.authPass} of ${judged} before`],
      });
    }
    if (facts.infra && domain.infra.size > 0 && !domain.infra.has(facts.infra)) {
      const usual = domain.infra
        .top(3)
        .map(([k]) => k)
        .join(', ');
      hits.push({
        id: 'BEH_KNOWN_SENDER_NEW_INFRA',
        evidence: [clipEvidence(`sent from ${facts.infra}`), clipEvidence(`usually ${usual}`)],
      });
    }
    const newReplyTo = facts.replyToSites.filter((site) => !domain.replyTo.has(site));
    if (newReplyTo.length > 0) {
      hits.push({
        id: 'BEH_KNOWN_SENDER_NEW_REPLY_TO',
        evidence: [clipEvidence(`replies diverted to ${newReplyTo.join(', ')}`), clipEvidence(since)],
      });
    }
    if (hourTotal(domain.hours) >= HOURS_NEEDED && hourShare(domain.hours, facts.hour) < ODD_HOUR_SHARE) {
      hits.push({
        id: 'BEH_KNOWN_SENDER_ODD_HOUR',
        evidence: [`sent at ${String(facts.hour).padStart(2, '0')}:00 UTC`, clipEvidence(`${facts.fromSite} rarely writes then`)],
      });
    }
    if (facts.asksPayment && domain.payment === 0) {
      hits.push({
        id: 'BEH_KNOWN_SENDER_NEW_PAYMENT_TALK',
        evidence: [clipEvidence(`first payment request from ${facts.fromSite}`), clipEvidence(since)],
      });
    }
    if (hits.length === 0 && facts.auth !== 'fail' && model.isEstablished(facts.fromSite) && domain.outbound > 0) {
      hits.push({
        id: 'BEH_ESTABLISHED_CORRESPONDENT',
        evidence: [clipEvidence(`${facts.fromSite}: ${since}, ${domain.outbound} sent to it`)],
      });
    }
    return hits;
  },
};
