/**
 * behaviour.first-contact: the organisation has never exchanged mail with this sender.
 *
 * Catches: the first message of most BEC and impersonation attacks, which come from a freshly
 * registered domain or a new free-mail address. Weighed by what else the message does through
 * composites (a first contact asking for gift cards is a phish; a first newsletter is not).
 * Only fires once the tenant's model has enough history that "never seen" means something.
 * Known false positives: every genuine new correspondent; the weight is kept low on purpose.
 */
import { clipEvidence, type SignalDefinition } from '../../core/signal.ts';
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
] as const satisfies readonly SignalDefinition[];

export const firstContactDetector: Detector = {
  id: 'behaviour.first-contact',
  stage: 'correlate',
  signals,
  run(ctx) {
    const model = ctx.behaviour;
    if (!model?.warm) return [];
    const facts = behaviourFacts(ctx);
    if (facts.direction !== 'inbound' || !facts.from || model.sender(facts.from)) return [];
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
