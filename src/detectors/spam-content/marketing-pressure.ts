/**
 * Catches: the pressure phrases of junk mail - "act now", "limited time", "100% free",
 * "risk-free", "no credit check", "click below", "you've been selected" - in a message that
 * already reads like spam (at least one phrase of a spam category, however weak).
 * Example threat: "Melt stubborn belly fat. Limited time offer - 100% risk-free, order now!"
 * Known false positives: retailer newsletters use the same words every day, which is why the
 * phrases never count on their own; a shop that also talks about weight loss or loans can
 * still trip it, and the weight is kept low for that.
 */

import type { Detector } from '../../pipeline/detector.ts';
import { lexiconHit } from '../language/lexicon.ts';
import { spamMatches } from './categories.ts';
import { SPAM_MIN_FACTOR } from './spam-detector.ts';

export const marketingPressureDetector: Detector = {
  id: 'spam-content.marketing-pressure',
  stage: 'analyze',
  signals: [
    {
      id: 'SPAM_MARKETING_PRESSURE',
      group: 'language',
      weight: 1.5,
      indicates: 'spam',
      description: 'The message piles on junk-mail pressure ("act now", "100% free", "risk-free") around a spam offer.',
    },
  ],
  run(ctx) {
    const matches = spamMatches(ctx);
    const pressure = matches.get('marketing-pressure');
    // Pressure plus at least one offer phrase: the offer is what makes "act now" junk.
    if (!pressure || matches.size < 2) return [];
    const hit = lexiconHit('SPAM_MARKETING_PRESSURE', pressure, SPAM_MIN_FACTOR);
    return hit ? [hit] : [];
  },
};
