/**
 * The authentication detectors, for the registry (`detectors/index.ts`). They share one
 * mailauth evaluation (`auth-outcome.ts`) and one reading of the provider's stamps
 * (`provider-results.ts`) per message.
 */
import type { Detector } from '../../pipeline/detector.ts';
import { arcDetector } from './arc.ts';
import { dkimDetector } from './dkim.ts';
import { dmarcDetector } from './dmarc.ts';
import { receivedResultsDetector } from './received-results.ts';
import { spfDetector } from './spf.ts';

export const authDetectors: Detector[] = [spfDetector, dkimDetector, dmarcDetector, arcDetector, receivedResultsDetector];
