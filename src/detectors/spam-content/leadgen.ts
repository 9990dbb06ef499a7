/**
 * Catches: lead-generation spam - $0 solar installations, home warranties, insurance quotes,
 * gutter guards and windows, timeshare exits, energy-bill "devices", Dutch solar-panel quotes.
 * Example threat: "Homeowners in your zip code are getting solar for $0 out of pocket."
 * Known false positives: real insurers and installers mailing their own customers; the
 * weight is low so this only adds to other evidence.
 */

import { spamCategoryDetector } from './spam-detector.ts';

export const leadgenDetector = spamCategoryDetector(
  'spam-content.leadgen',
  {
    id: 'SPAM_LEADGEN_OFFER',
    group: 'language',
    weight: 1.5,
    indicates: 'spam',
    description: 'The message is lead-generation spam: solar, home improvement, warranty or insurance quotes.',
  },
  'leadgen',
);
