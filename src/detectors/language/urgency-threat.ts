/**
 * Catches: pressure and threats - an account suspended, locked or closed, a 24-hour deadline,
 * a final notice, legal action, "failure to comply will result in...".
 * Example threat: "Failure to verify within 48 hours will result in permanent suspension."
 * Known false positives: real dunning letters and service notices; the signal is weak alone and
 * meant to be combined with a request (credential, payment) by scoring composites.
 */

import { lexiconDetector } from './lexicon-detector.ts';
import { URGENCY_THREAT_PHRASES } from './lexicons/urgency-threat.ts';

export const urgencyThreatDetector = lexiconDetector('language.urgency-threat', [
  {
    signal: {
      id: 'LANG_URGENCY_THREAT',
      group: 'language',
      weight: 2,
      indicates: 'phish',
      description: 'The message pressures the reader with a deadline or threatens suspension, loss of access or legal action.',
    },
    phrases: URGENCY_THREAT_PHRASES,
    // A bare deadline ("within 24 hours") is reported, faintly, so composites can pair it with a request.
    minFactor: 0.25,
  },
]);
