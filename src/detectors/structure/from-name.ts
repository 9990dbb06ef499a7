/**
 * structure.from-name: the From display name is built like a headline or carries a campaign
 * token, not a person's or an organisation's name.
 *
 * Catches: `"Your package could not be delivered, confirm your address now" <x@…>`, and names
 * with a random token appended per copy (`"Atendimento - k3Jd9Qa"`).
 * Known false positives: some retailers put a promotion in the display name
 * (`"Shop Example: 20% off this weekend only"`); brand-impersonation checks live in the sender
 * detectors, not here.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { trailingRandomToken } from './random-token.ts';

/** Names longer than this in words read as a sentence. */
const SENTENCE_WORDS = 7;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

const signals = [
  {
    id: 'STRUCT_FROM_NAME_SENTENCE',
    group: 'mime',
    weight: 1,
    indicates: 'spam',
    description: 'The sender display name is a whole sentence or headline rather than a name',
  },
  {
    id: 'STRUCT_FROM_NAME_RANDOM_TOKEN',
    group: 'mime',
    weight: 1.5,
    indicates: 'spam',
    description: 'The sender display name ends with a random token that varies between copies of a campaign',
  },
] as const satisfies readonly SignalDefinition[];

export const fromNameDetector: Detector = {
  id: 'structure.from-name',
  stage: 'analyze',
  signals,
  run(ctx) {
    const name = (ctx.message.from?.name ?? '').trim();
    if (!name || name.length > 300) return [];
    const hits: SignalHit[] = [];
    const words = name.match(WORD)?.length ?? 0;
    if (words >= SENTENCE_WORDS) {
      hits.push({ id: 'STRUCT_FROM_NAME_SENTENCE', evidence: [clipEvidence(`From name "${name}"`, 120), `${words} words`] });
    }
    const token = trailingRandomToken(name);
    if (token) hits.push({ id: 'STRUCT_FROM_NAME_RANDOM_TOKEN', evidence: [clipEvidence(`From name "${name}"`, 120), `token ${token}`] });
    return hits;
  },
};
