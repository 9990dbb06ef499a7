/**
 * Catches: fake expiry notices - a streaming or antivirus membership "has expired" with a
 * free extension, points that "expire on 12/02", storage full and files about to be deleted.
 * Example threat: "Your Sirius XM membership has expired! Get a free extension."
 * Known false positives: genuine renewal reminders; they rarely add the free-extension or
 * points-to-redeem hook, and one phrase alone stays under the floor. The remedy on offer is a
 * form that asks for card details, hence a fraud signal rather than junk.
 */

import { spamCategoryDetector } from './spam-detector.ts';

export const expiryLureDetector = spamCategoryDetector(
  'spam-content.expiry-lure',
  {
    id: 'SPAM_EXPIRY_LURE',
    group: 'language',
    weight: 2,
    indicates: 'phish',
    description: 'The message claims a membership, subscription or points balance is expiring, to lure the reader to a form.',
  },
  'expiry-lure',
);
