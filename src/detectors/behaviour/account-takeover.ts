/**
 * behaviour.account-takeover: an internal mailbox sends unlike its own history: to far more
 * recipients than it ever has, to people it never writes to, at an hour it never works, from a
 * mail client it never uses, or asking for sign-ins or payments it never asks for.
 *
 * Catches: a colleague's hijacked mailbox mailing fifty people at 3 a.m. with "I've shared a
 * document with you, sign in to view"; internal mail passes authentication, so only its
 * departure from the account's own habits gives it away.
 * Known false positives: an all-staff announcement by someone who never sent one, late-night
 * work, a new phone; each weighs little alone, the composite needs several together.
 */
import { hourShare, hourTotal } from '../../behaviour/counters.ts';
import { recipientCount } from '../../behaviour/profiles.ts';
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { behaviourFacts } from './behaviour-facts.ts';

const signals = [
  {
    id: 'BEH_INTERNAL_MASS_MAIL',
    group: 'behaviour',
    weight: 2.5,
    indicates: 'phish',
    description: 'An internal account writes to far more recipients at once than it ever has.',
  },
  {
    id: 'BEH_INTERNAL_UNUSUAL_RECIPIENTS',
    group: 'behaviour',
    weight: 1.5,
    indicates: 'phish',
    description: 'An internal account writes to many people it has never exchanged mail with.',
  },
  {
    id: 'BEH_INTERNAL_ODD_HOUR',
    group: 'behaviour',
    weight: 1.5,
    indicates: 'phish',
    description: 'An internal account sends at an hour it practically never sends.',
  },
  {
    id: 'BEH_INTERNAL_NEW_CLIENT',
    group: 'behaviour',
    weight: 1,
    indicates: 'phish',
    description: 'An internal account sends from a mail client it has never used.',
  },
  {
    id: 'BEH_INTERNAL_NEW_ASK',
    group: 'behaviour',
    weight: 2,
    indicates: 'phish',
    description: 'An internal account asks for sign-ins or payments, which it has never done.',
  },
] as const satisfies readonly SignalDefinition[];

/** Messages an account must have sent before its habits are compared. */
const KNOWN_AFTER = 15;
const MASS_MINIMUM = 10;
const ODD_HOUR_SHARE = 0.02;

export const accountTakeoverDetector: Detector = {
  id: 'behaviour.account-takeover',
  stage: 'correlate',
  signals,
  run(ctx) {
    const model = ctx.behaviour;
    if (!model) return [];
    const facts = behaviourFacts(ctx);
    if (facts.direction === 'inbound') return [];
    const user = model.user(facts.from);
    if (!user || user.sent < KNOWN_AFTER) return [];
    const hits: SignalHit[] = [];
    const count = recipientCount(facts);
    if (count >= MASS_MINIMUM && count > 2 * user.recipientsMax) {
      hits.push({
        id: 'BEH_INTERNAL_MASS_MAIL',
        evidence: [`${count} recipients`, `never more than ${user.recipientsMax} before (${user.sent} messages sent)`],
      });
    }
    const recipients = [...facts.orgRecipients, ...facts.externalRecipients];
    const strangers = recipients.filter((r) => !user.correspondents.has(r));
    // A full correspondents table forgets rare contacts: only a clear majority of strangers counts.
    if (recipients.length >= 5 && strangers.length / recipients.length >= 0.8) {
      hits.push({
        id: 'BEH_INTERNAL_UNUSUAL_RECIPIENTS',
        evidence: [`${strangers.length} of ${recipients.length} recipients never written to or heard from`],
      });
    }
    if (hourTotal(user.hours) >= KNOWN_AFTER && hourShare(user.hours, facts.hour) < ODD_HOUR_SHARE) {
      hits.push({
        id: 'BEH_INTERNAL_ODD_HOUR',
        evidence: [`sent at ${String(facts.hour).padStart(2, '0')}:00 UTC`, 'this account practically never sends then'],
      });
    }
    if (facts.client && user.clients.size > 0 && !user.clients.has(facts.client)) {
      const usual = user.clients
        .top(2)
        .map(([k]) => k)
        .join(', ');
      hits.push({
        id: 'BEH_INTERNAL_NEW_CLIENT',
        evidence: [clipEvidence(`sent with "${facts.client}"`), clipEvidence(`usually ${usual}`)],
      });
    }
    const newAsk = (facts.asksCredentials && user.credentials === 0) || (facts.asksPayment && user.payment === 0);
    if (newAsk) {
      hits.push({
        id: 'BEH_INTERNAL_NEW_ASK',
        evidence: [
          facts.asksCredentials ? 'asks for a sign-in, never before from this account' : 'asks for payment, never before from this account',
        ],
      });
    }
    return hits;
  },
};
