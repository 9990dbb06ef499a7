/**
 * Catches: casino and betting offers (free spins, deposit bonuses), crypto "earning platforms"
 * with balances to withdraw, guaranteed returns and get-rich schemes.
 * Example threat: "Your AI-driven bitcoin earning platform has generated passive income:
 * withdraw your remaining funds within 24 hours."
 * Known false positives: finance newsletters quoting yields ("5% APY") and articles about
 * casinos; single weak phrases stay under the floor. Marked as fraud because the returns and
 * balances promised are the bait for a deposit that never comes back.
 */

import { spamCategoryDetector } from './spam-detector.ts';

export const gamblingInvestmentDetector = spamCategoryDetector(
  'spam-content.gambling-investment',
  {
    id: 'SPAM_GAMBLING_INVESTMENT',
    group: 'language',
    weight: 2.5,
    indicates: 'phish',
    description: 'The message pushes casino bonuses, betting or a get-rich crypto or investment scheme.',
  },
  'gambling-investment',
);
