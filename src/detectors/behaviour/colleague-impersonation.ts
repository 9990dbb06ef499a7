/**
 * behaviour.colleague-impersonation: an outside sender uses the display name of someone inside
 * the organisation, as learned from the names colleagues really send with.
 *
 * Catches: "Jane Doe" <jane.doe.exec@freemail.example> asking for gift cards or a quiet wire;
 * names written reordered ("Doe, Jane"), with confusable letters or a one-letter typo.
 * Unlike `sender.display-name-vip` it needs no configured list: every colleague is covered.
 * Known false positives: a colleague writing from a private mailbox for the first time, and an
 * outside namesake; an outside address that has already been writing with that name is left alone.
 *
 * The people attackers pick are the ones whose word moves money or reaches everyone. Besides the
 * configured VIP names, the colleague's own clean mail says who they are: someone who asks for
 * payments (finance) or writes to large parts of the organisation at once (executives, HR).
 */
import type { UserProfile } from '../../behaviour/profiles.ts';
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
  {
    id: 'BEH_IMPERSONATED_KEY_PERSON',
    group: 'behaviour',
    weight: 1.5,
    indicates: 'phish',
    description:
      'The colleague whose name is borrowed is a key person: a configured VIP, or someone whose own mail asks for payments or reaches large parts of the organisation.',
  },
] as const satisfies readonly SignalDefinition[];

/** Clean messages asking for payment that make a colleague someone who handles money. */
const PAYMENT_ROLE = 2;
/** Recipients on one clean message that make a colleague someone who writes to everyone. */
const BROADCAST_ROLE = 20;

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
    const role = keyRole(model.user(best.address), best.name, ctx.settings.vipNames);
    return [
      ...(role ? [{ id: 'BEH_IMPERSONATED_KEY_PERSON', factor, evidence: [clipEvidence(`${best.name} ${role}`)] }] : []),
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

/** Why the colleague is a key person, in words; null when nothing says so. */
function keyRole(user: Readonly<UserProfile> | undefined, name: string, vipNames: readonly string[]): string | null {
  const roles: string[] = [];
  if (vipNames.some((vip) => vip.toLowerCase() === name.toLowerCase())) roles.push('is on the VIP list');
  if (user && user.payment >= PAYMENT_ROLE) roles.push(`asked for payments in ${user.payment} of their own messages`);
  if (user && user.recipientsMax >= BROADCAST_ROLE) roles.push(`writes to up to ${user.recipientsMax} people at once`);
  return roles.length > 0 ? roles.join('; ') : null;
}
