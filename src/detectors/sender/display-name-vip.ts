/**
 * sender.display-name-vip: the display name is one of the organisation's VIPs (configured in
 * `vipNames`: executives, finance staff), but the address is outside the organisation.
 *
 * Catches: CEO fraud and gift-card scams, `"Jane Doe" <jane.doe.office@gmail.com>` asking a
 * member of staff for a quick favour; `"Doe, Jane (CEO)" <ceo@acme-corp.example>`.
 *
 * Known false positives: a VIP writing from a private mailbox, and people outside the
 * organisation who share a VIP's name. The signal is weaker for a company domain than for
 * free-mail, where executives rarely write from for work.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { readableName } from './display-name.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_DISPLAY_NAME_VIP',
    group: 'sender',
    weight: 5,
    indicates: 'phish',
    description:
      'The sender’s display name is one of the organisation’s executives or key staff, but the address is outside the organisation.',
  },
] as const satisfies readonly SignalDefinition[];

const WORD = /[\p{L}\p{N}]+/gu;

/** Name words without case, accents or punctuation: "Doe, Jane" and "jane doe" give the same set. */
export function nameWords(name: string): string[] {
  return readableName(name).toLowerCase().match(WORD) ?? [];
}

/**
 * True when every word of the VIP's name is in the display name ("Jane Doe (CEO)", "Doe, Jane").
 * A one-word VIP name must be the whole display name, or ordinary names would match.
 */
export function namesVip(displayWords: readonly string[], vipWords: readonly string[]): boolean {
  if (vipWords.length === 0) return false;
  if (vipWords.length === 1) return displayWords.length === 1 && displayWords[0] === vipWords[0];
  const present = new Set(displayWords);
  return vipWords.every((word) => present.has(word));
}

/** Settings live for many scans: split each tenant's VIP names into words once. */
const vipWordsCache = new WeakMap<readonly string[], string[][]>();

function wordsOfVips(vipNames: readonly string[]): string[][] {
  let words = vipWordsCache.get(vipNames);
  if (!words) {
    words = vipNames.map(nameWords);
    vipWordsCache.set(vipNames, words);
  }
  return words;
}

export const displayNameVipDetector: Detector = {
  id: 'sender.display-name-vip',
  stage: 'analyze',
  signals,
  run(ctx) {
    return displayNameVipHits(ctx);
  },
};

function displayNameVipHits(ctx: ScanContext): SignalHit[] {
  const vipNames = ctx.settings.vipNames;
  const facts = senderFacts(ctx);
  if (vipNames.length === 0 || !facts.displayName || !facts.fromDomain) return [];
  // Strictly the organisation's own domains: a VIP name on `contoso-exec.example` is the attack.
  if (facts.orgSites.has(facts.fromSite)) return [];
  const displayWords = nameWords(facts.displayName);
  const vipWords = wordsOfVips(vipNames);
  const index = vipWords.findIndex((words) => namesVip(displayWords, words));
  if (index < 0) return [];
  const vip = vipNames[index];
  return [
    {
      id: 'SENDER_DISPLAY_NAME_VIP',
      factor: facts.fromIsFreemail ? 1 : 0.8,
      evidence: [clipEvidence(`name "${facts.displayName}" matches VIP ${vip}`), clipEvidence(`external sender ${facts.fromAddress}`)],
    },
  ];
}
