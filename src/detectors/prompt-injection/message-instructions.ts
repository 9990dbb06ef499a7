import type { ScanContext } from '../../pipeline/scan-context.ts';
import { findInstructions, type InstructionMatch } from './instruction-matcher.ts';
import { decodedTagTexts, readableTexts } from './message-texts.ts';

/** Lexicon matches in one labelled text of the message. */
export interface LocatedInstructions {
  source: string;
  matches: InstructionMatch[];
}

/**
 * Lexicon matches in everything an assistant may read of the message body: subject, text part,
 * html text (hidden parts included) and ASCII decoded from tag characters. Computed once and
 * shared by the instruction, exfiltration and part-mismatch detectors.
 */
export function instructionsInMessage(ctx: ScanContext): LocatedInstructions[] {
  return ctx.feature('prompt-injection.instructions', (c) => {
    const located: LocatedInstructions[] = [];
    for (const { source, text } of [...readableTexts(c), ...decodedTagTexts(c).map((t) => ({ ...t, source: 'tag characters' }))]) {
      const matches = findInstructions(text);
      if (matches.length > 0) located.push({ source, matches });
    }
    return located;
  });
}
