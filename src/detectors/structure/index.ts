import type { Detector } from '../../pipeline/detector.ts';
import { bodyEncodingDetector } from './body-encoding.ts';
import { deliveryPathDetector } from './delivery-path.ts';
import { fromNameDetector } from './from-name.ts';
import { imageBodyDetector } from './image-body.ts';
import { linkDensityDetector } from './link-density.ts';
import { mailerDetector } from './mailer.ts';
import { subjectDetector } from './subject.ts';

/** How the message is built and delivered, independent of its words: one detector per concern. */
export const structureDetectors: Detector[] = [
  imageBodyDetector,
  linkDensityDetector,
  bodyEncodingDetector,
  subjectDetector,
  fromNameDetector,
  deliveryPathDetector,
  mailerDetector,
];
