/**
 * Catches: dating, adult and hookup spam - "hot singles in your area", "she wants to meet
 * you tonight", "no fake profiles", in English, German, Dutch and Romance languages.
 * Example threat: "Treffen Sie heiße russische Singles - siehe Fotos!"
 * Known false positives: news or list threads about dating sites and sexuality; they describe
 * rather than invite, and a single explicit word stays under the reporting floor.
 */

import { spamCategoryDetector } from './spam-detector.ts';

export const datingSpamDetector = spamCategoryDetector(
  'spam-content.dating',
  {
    id: 'SPAM_DATING_ADULT',
    group: 'language',
    weight: 2,
    indicates: 'spam',
    description: 'The message advertises dating, adult contacts or hookups.',
  },
  'dating',
);
