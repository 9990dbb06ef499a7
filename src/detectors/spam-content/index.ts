import type { Detector } from '../../pipeline/detector.ts';
import { datingSpamDetector } from './dating.ts';
import { expiryLureDetector } from './expiry-lure.ts';
import { gamblingInvestmentDetector } from './gambling-investment.ts';
import { healthSpamDetector } from './health.ts';
import { leadgenDetector } from './leadgen.ts';
import { loanDebtDetector } from './loan-debt.ts';
import { marketingPressureDetector } from './marketing-pressure.ts';
import { replicaGoodsDetector } from './replica-goods.ts';
import { seoServicesDetector } from './seo-services.ts';

/**
 * Unsolicited commercial and scam content that is not credential phishing: miracle cures,
 * dating, casinos and get-rich schemes, loans, lead generation, SEO pitches, replicas and fake
 * expiry notices, plus the pressure language that surrounds them.
 */
export const spamContentDetectors: Detector[] = [
  healthSpamDetector,
  datingSpamDetector,
  gamblingInvestmentDetector,
  loanDebtDetector,
  leadgenDetector,
  seoServicesDetector,
  replicaGoodsDetector,
  expiryLureDetector,
  marketingPressureDetector,
];
