/**
 * Catches: reward lures - "you have won", "claim your reward", points about to expire,
 * survey gifts, crypto airdrops.
 * Example threat: "Congratulations, you have been selected to receive a $500 gift card.
 * Complete the survey to claim your reward."
 * Known false positives: loyalty programmes and contests run by real retailers; the weight is
 * low so this alone never flags a message.
 */

import { lexiconDetector } from './lexicon-detector.ts';
import { PRIZE_LURE_PHRASES } from './lexicons/prize-lure.ts';

export const prizeLureDetector = lexiconDetector('language.prize-lure', [
  {
    signal: {
      id: 'LANG_PRIZE_LURE',
      group: 'language',
      weight: 1.5,
      indicates: 'spam',
      description: 'The message promises a prize, reward or free gift to be claimed.',
    },
    phrases: PRIZE_LURE_PHRASES,
  },
]);
