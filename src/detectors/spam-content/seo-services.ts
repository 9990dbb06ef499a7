/**
 * Catches: cold pitches for SEO, web design and marketing services aimed at the reader's site.
 * Example threat: "I noticed your website is not ranking on the first page of Google. I am an
 * SEO specialist - can I send you a proposal?"
 * Known false positives: agencies the reader does business with; web-development lists talk
 * about redesigns and rankings but not about "your website" on "the first page".
 */

import { spamCategoryDetector } from './spam-detector.ts';

export const seoServicesDetector = spamCategoryDetector(
  'spam-content.seo-services',
  {
    id: 'SPAM_SEO_SERVICES',
    group: 'language',
    weight: 1.5,
    indicates: 'spam',
    description: 'The message is a cold pitch for SEO, web design or marketing services.',
  },
  'seo-services',
);
