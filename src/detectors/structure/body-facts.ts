/**
 * Shared facts about the body that several structure detectors read: how much a reader sees,
 * how much of it is link text, how many images the html shows, which anchors wrap an image. Computed once per message.
 */
import type { ScanContext } from '../../pipeline/scan-context.ts';

export interface BodyFacts {
  /** Visible characters of the html without whitespace (0 without html). */
  visibleChars: number;
  /** Characters of the plain-text part (or the html text when there is none), without whitespace. */
  textChars: number;
  /** Visible characters inside web-link anchors, without whitespace. */
  anchorChars: number;
  /** Remote or embedded images the html shows. */
  images: number;
}

/** After an opening anchor: optional wrapper tags, then the image. Sticky, tried at each anchor. */
const IMAGE_AFTER_ANCHOR = /\s*(?:<(?:span|div|font|b|strong|center|p)\b[^>]{0,300}>\s*){0,4}<img\b/iy;
const ANCHOR_OPEN = /<a\s[^>]{0,2000}>/gi;
const MAX_HTML = 100_000;

/** Non-whitespace characters, counted without building a new string. */
function chars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) count++;
  }
  return count;
}

/** Anchors that wrap an image: the click target is a picture. */
export function linkedImages(html: string): number {
  let count = 0;
  for (const match of (html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html).matchAll(ANCHOR_OPEN)) {
    IMAGE_AFTER_ANCHOR.lastIndex = match.index + match[0].length;
    if (IMAGE_AFTER_ANCHOR.test(html)) count++;
  }
  return count;
}

export function bodyFacts(ctx: ScanContext): BodyFacts {
  return ctx.feature('structure.body', () => {
    const { message } = ctx;
    let anchorChars = 0;
    let images = 0;
    for (const link of message.links) {
      if (link.source !== 'html') continue;
      if (link.kind === 'image' && link.scheme !== 'data') images++;
      else if (link.kind === 'anchor' && (link.scheme === 'http' || link.scheme === 'https')) anchorChars += chars(link.text);
    }
    return {
      visibleChars: chars(message.htmlText),
      textChars: chars(message.text),
      anchorChars,
      images,
    };
  });
}
