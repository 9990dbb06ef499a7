/**
 * behaviour.first-contact: the organisation has never exchanged mail with this sender, or a
 * sender the organisation knows writes to a colleague it has never dealt with.
 *
 * Catches: the first message of most BEC and impersonation attacks, which come from a freshly
 * registered domain or a new free-mail address. Weighed by what else the message does through
 * composites (a first contact asking for gift cards is a phish; a first newsletter is not).
 * Only fires once the tenant's model has enough history that "never seen" means something.
 * The per-recipient signal catches a known supplier's (or a compromised partner's) account
 * turning to someone it never wrote to, often finance, with a new request.
 * Known false positives: every genuine new correspondent; the weights are kept low on purpose.
 */
import type { MessageFacts } from '../../behaviour/message-facts.ts';
import type { TenantBehaviour } from '../../behaviour/tenant-behaviour.ts';
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { behaviourFacts } from './behaviour-facts.ts';

const signals = [
  {
    id: 'BEH_FIRST_CONTACT',
    group: 'behaviour',
    weight: 1.5,
    indicates: 'phish',
    description: 'The organisation has never exchanged mail with this sender (or, for a new address at a known domain, with this address).',
  },
  {
    id: 'BEH_FIRST_CONTACT_RECIPIENT',
    group: 'behaviour',
    weight: 0.7,
    indicates: 'phish',
    description: 'A sender the organisation knows writes to a colleague who has never exchanged mail with it.',
  },
] as const satisfies readonly SignalDefinition[];

/** A colleague's correspondents say something once this many of their messages were learned. */
const RECIPIENT_HISTORY = 20;

export const firstContactDetector: Detector = {
  id: 'behaviour.first-contact',
  stage: 'correlate',
  signals,
  run(ctx) {
    const model = ctx.behaviour;
    if (!model?.warm) return [];
    const facts = behaviourFacts(ctx);
    if (facts.direction !== 'inbound' || !facts.from) return [];
    if (model.sender(facts.from)) return firstContactWithRecipient(model, facts);
    const domain = facts.fromFreemail ? undefined : model.domain(facts.fromSite);
    const strength = facts.bulk ? 0.3 : domain ? 0.4 : 1;
    const what = facts.fromFreemail
      ? `free-mail address ${facts.from} never seen before`
      : domain
        ? `new address ${facts.from} at known domain ${facts.fromSite}`
        : `domain ${facts.fromSite} never seen before`;
    const learned = `${model.learned} messages learned`;
    return [{ id: 'BEH_FIRST_CONTACT', factor: strength, evidence: [clipEvidence(what), learned] }];
  },
};

/**
 * Every colleague the message is addressed to has enough history, and none has exchanged mail with
 * this sender. A colleague whose correspondents table is full is left out: the sender may have
 * been dropped from it, so "never" would not be known.
 */
function firstContactWithRecipient(model: TenantBehaviour, facts: MessageFacts): SignalHit[] {
  const strangers: string[] = [];
  for (const address of facts.orgRecipients) {
    const user = model.user(address);
    if (!user || user.sent + user.received < RECIPIENT_HISTORY || user.correspondents.size >= user.correspondents.capacity) continue;
    if (user.correspondents.has(facts.from)) return [];
    strangers.push(address);
  }
  if (strangers.length === 0) return [];
  const evidence = [clipEvidence(`${facts.from} is known to the organisation but has never exchanged mail with ${strangers.join(', ')}`)];
  return [{ id: 'BEH_FIRST_CONTACT_RECIPIENT', factor: facts.bulk ? 0.2 : 1, evidence }];
}
