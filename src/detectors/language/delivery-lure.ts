/**
 * Catches: parcel lures - a package held, taxed or returned until a fee is paid or an address
 * confirmed (customs fees, redelivery charges, "encomenda taxada").
 * Example threat: "Your parcel is on hold. Pay the redelivery fee of 1.99 EUR to reschedule."
 * Known false positives: genuine carrier notices about customs duties; they come from the
 * carrier's own domain, which sender and link detectors see.
 */

import { lexiconDetector } from './lexicon-detector.ts';
import { DELIVERY_FEE_PHRASES } from './lexicons/delivery-fee.ts';

export const deliveryLureDetector = lexiconDetector('language.delivery-lure', [
  {
    signal: {
      id: 'LANG_DELIVERY_FEE_LURE',
      group: 'language',
      weight: 2,
      indicates: 'phish',
      description: 'The message says a parcel is held or taxed until the reader pays a fee or confirms details.',
    },
    phrases: DELIVERY_FEE_PHRASES,
  },
]);
