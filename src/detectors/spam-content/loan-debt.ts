/**
 * Catches: loan offers from "private lenders", debt consolidation and credit-repair pitches,
 * "approved even with bad credit", in English, Portuguese, Spanish, French, German and Dutch.
 * Example threat: "Do you need a loan? We offer loans from $10,000 at an interest rate of 3%."
 * Known false positives: a bank's own mail about a loan the reader asked for; it rarely uses
 * the lender's cold-pitch wording, and one phrase alone does not fire.
 */

import { spamCategoryDetector } from './spam-detector.ts';

export const loanDebtDetector = spamCategoryDetector(
  'spam-content.loan-debt',
  {
    id: 'SPAM_LOAN_DEBT',
    group: 'language',
    weight: 2,
    indicates: 'spam',
    description: 'The message offers loans, debt relief or credit repair on too-easy terms.',
  },
  'loan-debt',
);
