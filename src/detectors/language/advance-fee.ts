/**
 * Catches: advance-fee fraud - lottery wins, inheritances, dormant funds, compensation
 * payments, "your share of USD 10.5 million", requests for full name and address.
 * Example threat: "As next of kin of my late client you are the beneficiary of US$8.7 million."
 * Known false positives: news and finance newsletters quoting large sums; one amount alone
 * stays under the reporting floor, it takes the surrounding story to fire.
 */

import { lexiconDetector } from './lexicon-detector.ts';
import { ADVANCE_FEE_PHRASES } from './lexicons/advance-fee.ts';

export const advanceFeeDetector = lexiconDetector('language.advance-fee', [
  {
    signal: {
      id: 'LANG_ADVANCE_FEE_SCAM',
      group: 'language',
      weight: 4,
      indicates: 'phish',
      description: 'The message tells an advance-fee story: a lottery win, inheritance or trapped fund waiting for the reader.',
    },
    phrases: ADVANCE_FEE_PHRASES,
    minFactor: 0.5,
  },
]);
