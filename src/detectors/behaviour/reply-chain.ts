/**
 * behaviour.reply-chain: the message presents itself as part of an ongoing conversation ("Re:",
 * quoted history, In-Reply-To) that the organisation never had with this sender.
 *
 * Catches: reply-chain hijacking, where an attacker pastes a plausible quoted exchange under
 * "Re: Invoice 4471" from a look-alike or free-mail address so the request feels expected.
 * The thread check uses the Message-IDs the organisation has seen; with no thread ids at all,
 * a "reply" from a sender never seen before is the claim.
 * Known false positives: conversations that began before the model's history (only for senders
 * the model does not know, which is rare once warm), and a partner's colleague joining a thread.
 */
import { clipEvidence, type SignalDefinition } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { behaviourFacts } from './behaviour-facts.ts';

const signals = [
  {
    id: 'BEH_REPLY_UNKNOWN_THREAD',
    group: 'behaviour',
    weight: 3,
    indicates: 'phish',
    description: 'Presents itself as a reply in a conversation the organisation never had with this sender.',
  },
] as const satisfies readonly SignalDefinition[];

export const replyChainDetector: Detector = {
  id: 'behaviour.reply-chain',
  stage: 'correlate',
  signals,
  run(ctx) {
    const model = ctx.behaviour;
    if (!model?.warm) return [];
    const facts = behaviourFacts(ctx);
    if (facts.direction !== 'inbound' || facts.bulk || !(facts.claimsReply || facts.references.length > 0)) return [];
    const sender = model.sender(facts.from);
    const knownSender = sender !== undefined && sender.inbound + sender.outbound >= 2;
    const knownDomain = !facts.fromFreemail && model.isEstablished(facts.fromSite);
    const known = facts.references.filter((id) => model.threadParties(id) !== undefined);
    if (facts.references.length > 0 && known.length === 0) {
      if (knownSender) return [];
      return [
        {
          id: 'BEH_REPLY_UNKNOWN_THREAD',
          factor: knownDomain ? 0.5 : 1,
          evidence: [
            clipEvidence(`refers to ${facts.references.length} message(s) the organisation never saw`),
            clipEvidence(`from ${facts.from}`),
          ],
        },
      ];
    }
    if (known.length > 0) {
      const parties = new Set(known.flatMap((id) => model.threadParties(id) ?? []));
      if (parties.has(facts.fromSite) || knownSender || knownDomain) return [];
      return [
        {
          id: 'BEH_REPLY_UNKNOWN_THREAD',
          factor: 0.7,
          evidence: [
            clipEvidence(`joins a thread held with ${[...parties].join(', ') || 'colleagues'}`),
            clipEvidence(`from outsider ${facts.from}`),
          ],
        },
      ];
    }
    if (knownSender || knownDomain) return [];
    return [
      {
        id: 'BEH_REPLY_UNKNOWN_THREAD',
        factor: 0.8,
        evidence: ['reads as a reply but names no earlier message', clipEvidence(`from first-time sender ${facts.from}`)],
      },
    ];
  },
};
