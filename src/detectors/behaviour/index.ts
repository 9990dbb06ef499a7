import type { Detector } from '../../pipeline/detector.ts';
import { accountTakeoverDetector } from './account-takeover.ts';
import { colleagueImpersonationDetector } from './colleague-impersonation.ts';
import { correspondentLookalikeDetector } from './correspondent-lookalike.ts';
import { firstContactDetector } from './first-contact.ts';
import { knownSenderChangeDetector } from './known-sender-change.ts';
import { replyChainDetector } from './reply-chain.ts';

/** The behaviour model's detectors: correlate stage, silent when the scan has no tenant model. */
export const behaviourDetectors: Detector[] = [
  firstContactDetector,
  colleagueImpersonationDetector,
  correspondentLookalikeDetector,
  knownSenderChangeDetector,
  replyChainDetector,
  accountTakeoverDetector,
];
