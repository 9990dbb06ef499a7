/**
 * Catches: sextortion and hacker extortion - claims of a hacked device or a recording, a
 * crypto payment demand, a deadline and a threat to share with the reader's contacts.
 * Example threat: "I have hacked your device and recorded you. Send $900 in bitcoin within
 * 48 hours or the video goes to all your contacts."
 * Known false positives: security newsletters describing such scams; they quote fragments,
 * rarely the whole pattern, and the signal needs more than one fragment.
 */

import { lexiconDetector } from './lexicon-detector.ts';
import { EXTORTION_PHRASES } from './lexicons/extortion.ts';

export const extortionDetector = lexiconDetector('language.extortion', [
  {
    signal: {
      id: 'LANG_EXTORTION',
      group: 'language',
      weight: 4,
      indicates: 'phish',
      description: 'The message claims to have hacked or recorded the reader and demands payment to keep quiet.',
    },
    phrases: EXTORTION_PHRASES,
    minFactor: 0.5,
  },
]);
