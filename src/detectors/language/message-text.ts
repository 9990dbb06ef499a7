import type { ParsedMessage } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { type IndexedText, indexText } from './lexicon.ts';
import { normaliseForMatching } from './normalise.ts';

/**
 * The words of a message as the language detectors read them: subject, body and link texts,
 * normalised once per message and shared through `ctx.feature`.
 */
export interface LanguageText {
  subject: IndexedText;
  /** Body text without quoted reply lines, bounded to `BODY_BUDGET` characters before normalising. */
  body: IndexedText;
  /** Visible texts of the message's anchors, joined with ` | `. */
  linkTexts: IndexedText;
}

/**
 * Lures say what they want early: on the phishing corpus, reading 10,000 characters instead of
 * 20,000 loses almost nothing and halves the time spent on long newsletters.
 */
export const BODY_BUDGET = 10_000;
const MAX_LINK_TEXTS = 40;
const MAX_LINK_TEXT_CHARS = 120;
/** Lines a reply quotes from an earlier message ("> ..."): the words are someone else's. */
const QUOTED_LINE = /^[ \t]*>.*$/gm;

export function languageText(ctx: ScanContext): LanguageText {
  return ctx.feature('language.text', () => buildLanguageText(ctx.message));
}

export function buildLanguageText(message: Pick<ParsedMessage, 'subject' | 'text' | 'htmlText' | 'links'>): LanguageText {
  const text = message.text.slice(0, BODY_BUDGET);
  let body = text.replace(QUOTED_LINE, '');
  // When the body text came from a text/plain part, the html part may say something else
  // (a one-line plain stub is a common way to hide the real lure from text-only filters).
  const remaining = BODY_BUDGET - text.length;
  if (remaining > 0 && message.htmlText && message.htmlText !== message.text) {
    body += `\n${message.htmlText.slice(0, remaining).replace(QUOTED_LINE, '')}`;
  }
  const linkTexts = new Set<string>();
  for (const link of message.links) {
    if (linkTexts.size >= MAX_LINK_TEXTS) break;
    const visible = link.text.trim();
    if (visible) linkTexts.add(visible.slice(0, MAX_LINK_TEXT_CHARS));
  }
  return {
    subject: indexText(normaliseForMatching(message.subject)),
    body: indexText(normaliseForMatching(body)),
    linkTexts: indexText(normaliseForMatching([...linkTexts].join(' | '))),
  };
}
