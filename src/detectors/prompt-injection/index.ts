import type { Detector } from '../../pipeline/detector.ts';
import { assistantInstructionsDetector } from './assistant-instructions.ts';
import { attributeInstructionsDetector } from './attribute-instructions.ts';
import { exfilUrlTemplateDetector } from './exfil-url-template.ts';
import { hiddenInstructionsDetector } from './hidden-instructions.ts';
import { hiddenTextDetector } from './hidden-text.ts';
import { invisibleCharactersDetector } from './invisible-characters.ts';
import { partMismatchDetector } from './part-mismatch.ts';
import { urlFragmentInstructionsDetector } from './url-fragment-instructions.ts';

/** Attacks on AI assistants that read the mailbox: hidden text, instructions to models, smuggled data. */
export const promptInjectionDetectors: Detector[] = [
  hiddenTextDetector,
  hiddenInstructionsDetector,
  assistantInstructionsDetector,
  exfilUrlTemplateDetector,
  invisibleCharactersDetector,
  urlFragmentInstructionsDetector,
  attributeInstructionsDetector,
  partMismatchDetector,
];
