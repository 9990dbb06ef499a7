/**
 * sender.display-name-disguise: the display name is written so that it reads normally to a person
 * but not to a filter.
 *
 * Catches: `"C o i n b a s e"`, `"Nutrisystеm Pаrtnеr"` (Cyrillic е and а inside Latin words),
 * `"Aܿmܿaܿzܿon Sܿeܿrܿvicܿe"` (Syriac marks between letters), `"Net\u200dflix"` (zero-width joiner).
 * Nobody writes their own name like that: it is done to slip past keyword and brand matching.
 *
 * Known false positives: names in scripts that legitimately use combining marks are not affected
 * (only marks attached to Latin letters count); an all-caps name typed with spaces (`J O H N S`)
 * would match the spacing rule.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { disguiseIn, joinSpacedLetters, readableName } from './display-name.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_DISPLAY_NAME_DISGUISED',
    group: 'sender',
    weight: 2,
    indicates: 'phish',
    description:
      'The sender’s display name is disguised with spaced-out letters, look-alike letters from other alphabets or invisible characters.',
  },
] as const satisfies readonly SignalDefinition[];

export const displayNameDisguiseDetector: Detector = {
  id: 'sender.display-name-disguise',
  stage: 'analyze',
  signals,
  run(ctx) {
    return displayNameDisguiseHits(ctx);
  },
};

function displayNameDisguiseHits(ctx: ScanContext): SignalHit[] {
  const name = senderFacts(ctx).displayName;
  const disguise = disguiseIn(name);
  if (!disguise) return [];
  const readsAs = joinSpacedLetters(readableName(name));
  return [{ id: 'SENDER_DISPLAY_NAME_DISGUISED', evidence: [clipEvidence(`name reads as "${readsAs}"`), disguise] }];
}
