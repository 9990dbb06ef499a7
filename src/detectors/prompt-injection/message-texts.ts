import type { ScanContext } from '../../pipeline/scan-context.ts';
import { decodeTagCharacters } from './unicode-invisibles.ts';

/**
 * The texts of a message that an assistant may be given, labelled by where they came from, so
 * every prompt-injection detector reads the same places and evidence can say where a phrase was.
 */
export interface LabelledText {
  /** `subject`, `text part`, `html`, `tag characters`. */
  source: string;
  text: string;
}

/** Subject, the text/plain part and what the html shows, without repeating identical bodies. */
export function readableTexts(ctx: ScanContext): LabelledText[] {
  return ctx.feature('prompt-injection.readable-texts', (c) => {
    const { subject, text, htmlText } = c.message;
    const texts: LabelledText[] = [{ source: 'subject', text: subject }];
    if (text && text !== htmlText) texts.push({ source: 'text part', text });
    if (htmlText) texts.push({ source: 'html', text: htmlText });
    return texts.filter((t) => t.text);
  });
}

/** ASCII smuggled in Unicode tag characters anywhere in the subject or bodies (raw html included: attributes). */
export function decodedTagTexts(ctx: ScanContext): LabelledText[] {
  return ctx.feature('prompt-injection.tag-characters', (c) => {
    const { subject, text, htmlText, html } = c.message;
    const found: LabelledText[] = [];
    const seen = new Set<string>();
    for (const [source, value] of [
      ['subject', subject],
      ['body', text],
      ['html', htmlText],
      ['html source', html],
    ] as const) {
      for (const decoded of decodeTagCharacters(value)) {
        if (seen.has(decoded)) continue;
        seen.add(decoded);
        found.push({ source, text: decoded });
      }
    }
    return found;
  });
}

/** True when the message has a text/plain part of its own, besides an html part. */
export function hasSeparateTextPart(ctx: ScanContext): boolean {
  const { text, htmlText, html } = ctx.message;
  return Boolean(html) && Boolean(text) && text !== htmlText;
}
