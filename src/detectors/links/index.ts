/** The link detectors, in the order their signals are usually read in a report. */
import type { Detector } from '../../pipeline/detector.ts';
import { addressInFragmentDetector } from './address-in-fragment.ts';
import { brandOffsiteDetector } from './brand-offsite.ts';
import { credentialFormDetector } from './credential-form.ts';
import { dangerousSchemeDetector } from './dangerous-scheme.ts';
import { deceptiveHostDetector } from './deceptive-host.ts';
import { freeHostingDetector } from './free-hosting.ts';
import { ipHostDetector } from './ip-host.ts';
import { lookalikeDetector } from './lookalike.ts';
import { openRedirectDetector } from './open-redirect.ts';
import { shortenerDetector } from './shortener.ts';
import { textMismatchDetector } from './text-mismatch.ts';

export const linkDetectors: Detector[] = [
  lookalikeDetector,
  deceptiveHostDetector,
  ipHostDetector,
  textMismatchDetector,
  freeHostingDetector,
  credentialFormDetector,
  shortenerDetector,
  openRedirectDetector,
  dangerousSchemeDetector,
  brandOffsiteDetector,
  addressInFragmentDetector,
];
