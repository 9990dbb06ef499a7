/**
 * Catches: counterfeit goods - replica watches and designer handbags, "AAA quality copies".
 * Example threat: "Swiss replica watches at 90% off - indistinguishable from the original."
 * Known false positives: hobby mail about replica cars, props or museum pieces; "replica"
 * counts only next to luxury goods or brands.
 */

import { spamCategoryDetector } from './spam-detector.ts';

export const replicaGoodsDetector = spamCategoryDetector(
  'spam-content.replica-goods',
  {
    id: 'SPAM_REPLICA_GOODS',
    group: 'language',
    weight: 2.5,
    indicates: 'spam',
    description: 'The message sells counterfeit watches, bags or other replica luxury goods.',
  },
  'replica-goods',
);
