import type { Detector } from '../../pipeline/detector.ts';
import { advanceFeeDetector } from './advance-fee.ts';
import { brandImpersonationDetector } from './brand-impersonation.ts';
import { credentialRequestDetector } from './credential-request.ts';
import { deliveryLureDetector } from './delivery-lure.ts';
import { extortionDetector } from './extortion.ts';
import { paymentRequestDetector } from './payment-request.ts';
import { prizeLureDetector } from './prize-lure.ts';
import { taskPretextDetector } from './task-pretext.ts';
import { urgencyThreatDetector } from './urgency-threat.ts';

/** Lexicon-based detectors: what the words of a message ask of the reader. */
export const languageDetectors: Detector[] = [
  credentialRequestDetector,
  urgencyThreatDetector,
  paymentRequestDetector,
  advanceFeeDetector,
  extortionDetector,
  deliveryLureDetector,
  prizeLureDetector,
  taskPretextDetector,
  brandImpersonationDetector,
];
