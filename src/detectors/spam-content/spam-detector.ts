import type { SignalDefinition } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { lexiconHit } from '../language/lexicon.ts';
import { type SpamCategory, spamMatches } from './categories.ts';

/**
 * Phrase strengths add up (see `lexiconFactor`): 0.5 takes one telling phrase or two weaker
 * ones, so a newsletter that brushes against a topic once stays quiet.
 */
export const SPAM_MIN_FACTOR = 0.5;

/** A detector for one category: fires with the category's distinct phrases as evidence. */
export function spamCategoryDetector(id: string, signal: SignalDefinition, category: SpamCategory): Detector {
  return {
    id,
    stage: 'analyze',
    signals: [signal],
    run(ctx) {
      const hit = lexiconHit(signal.id, spamMatches(ctx).get(category) ?? [], SPAM_MIN_FACTOR);
      return hit ? [hit] : [];
    },
  };
}
