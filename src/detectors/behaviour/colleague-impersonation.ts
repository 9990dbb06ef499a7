/**
 * behaviour.colleague-impersonation: an outside sender uses the display name of someone inside
 * the organisation, as learned from the names colleagues really send with.
 *
 * Catches: "Jane Doe" <jane.doe.exec@freemail.example> asking for gift cards or a quiet wire;
 * names written reordered ("Doe, Jane"), with confusable letters or a one-letter typo.
 * Unlike `sender.display-name-vip` it needs no configured list: every colleague is covered.
 * Known false positives: a colleague writing from a private mailbox for the first time, and an
 * outside namesake; an outside address that has already been writing with that name is left alone.
 */
import { clipEvidence, type SignalDefinition } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { behaviourFacts } from './behaviour-facts.ts';
import { colleaguesNamed } from './colleague-name-index.ts';

const signals = [
  {
    id: 'BEH_COLLEAGUE_NAME_EXTERNAL',
    group: 'behaviour',
    weight: 4,
    indicates: 'phish',
    description:
      'An outside sender uses the name of a person inside the organisation (exactly or nearly), from an address that is not theirs.',
  },
] as const satisfies readonly SignalDefinition[];

/** An outside address with this many clean messages under the name is an established namesake. */
const ESTABLISHED_NAMESAKE = 3;

export const colleagueImpersonationDetector: Detector = {
  id: 'behaviour.colleague-impersonation',
  stage: 'correlate',
  signals,
  run(ctx) {
    const model = ctx.behaviour;
    if (!model) return [];
    const facts = behaviourFacts(ctx);
    if (facts.direction !== 'inbound' || !facts.fromName) return [];
    const known = model.sender(facts.from);
    if (known && known.inbound >= ESTABLISHED_NAMESAKE && known.names.has(facts.fromName)) return [];
    const matches = colleaguesNamed(model, facts.fromName);
    if (matches.length === 0) return [];
    const best = matches.find((m) => m.exact) ?? matches[0];
    const factor = (facts.fromFreemail ? 1 : 0.8) * (best.exact ? 1 : 0.8);
    return [
      {
        id: 'BEH_COLLEAGUE_NAME_EXTERNAL',
        factor,
        evidence: [
          clipEvidence(`name "${facts.fromName}" ${best.exact ? 'is' : 'nearly matches'} colleague ${best.name} <${best.address}>`),
          clipEvidence(`sent from ${facts.fromFreemail ? 'free-mail ' : 'outside '}address ${facts.from}`),
        ],
      },
    ];
  },
};
