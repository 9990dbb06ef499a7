/**
 * Catches: miracle health products - weight lost without diet, nail fungus and joint pain gone,
 * diabetes "reversed", pills without prescription, "what doctors won't tell you".
 * Example threat: "22lbs gone in 13 days with this strange carb-pairing trick - no diet, no gym."
 * Known false positives: health news and fitness newsletters; they name conditions but rarely
 * promise kilos in days or a weird trick, and a lone weak phrase ("lost 10 kg") stays under
 * the reporting floor.
 */

import { spamCategoryDetector } from './spam-detector.ts';

export const healthSpamDetector = spamCategoryDetector(
  'spam-content.health',
  {
    id: 'SPAM_HEALTH_MIRACLE',
    group: 'language',
    weight: 2,
    indicates: 'spam',
    description: 'The message sells a miracle health product: effortless weight loss, instant cures, drugs without prescription.',
  },
  'health',
);
