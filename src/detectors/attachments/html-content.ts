import type { Attachment } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { allAttachments, extensionOf, kindOf, textOf } from './attachment-facts.ts';

/**
 * HTML attachments and their source with one layer of obfuscation peeled: phishing pages are
 * commonly shipped as `document.write(unescape('%3C%68...'))` or `atob('PGh0...')`, so the
 * decoded literals are appended to the source before looking for forms and redirects.
 */

export interface HtmlAttachment {
  attachment: Attachment;
  /** The source as sent. */
  source: string;
  /** The source plus decoded unescape/atob/decodeURIComponent literals. */
  unwrapped: string;
}

const HTML_NAME = new Set(['htm', 'html', 'shtml', 'xhtml', 'mht', 'mhtml']);
const ENCODED_LITERAL = /\b(unescape|atob|decodeURIComponent|decodeURI)\s*\(\s*(["'`])([^"'`]{200,})\2\s*\)/gi;
/** Decoded text kept per page, so a crafted page cannot make the scanner decode without end. */
const MAX_DECODED = 2 * 1024 * 1024;

export function htmlAttachments(ctx: ScanContext): HtmlAttachment[] {
  return ctx.feature('attachments.html', () =>
    allAttachments(ctx)
      .filter(isHtmlFile)
      .map((attachment) => {
        const source = textOf(ctx, attachment);
        return { attachment, source, unwrapped: unwrap(source) };
      }),
  );
}

/** A web page sent as a file: typed as HTML by its bytes, or declared/named HTML. */
function isHtmlFile(attachment: Attachment): boolean {
  if (attachment.content.length === 0) return false;
  // A nameless html part at the top level is an extra body part, which the body detectors read.
  if (!attachment.filename && attachment.disposition !== 'attachment' && attachment.depth === 0) return false;
  const kind = kindOf(attachment);
  if (kind === 'html') return true;
  if (kind !== 'other') return false;
  return attachment.declaredType.startsWith('text/htm') || HTML_NAME.has(extensionOf(attachment.filename));
}

/** Decodes encoded literals, and literals found inside what was decoded, up to three layers deep. */
export function unwrap(source: string): string {
  let layer = source;
  let decoded = '';
  for (let depth = 0; depth < 3 && decoded.length < MAX_DECODED; depth++) {
    let next = '';
    for (const match of layer.matchAll(ENCODED_LITERAL)) {
      if (decoded.length + next.length > MAX_DECODED) break;
      const text = decodeLiteral(match[1].toLowerCase(), match[3]);
      if (text) next += `\n${text.slice(0, MAX_DECODED)}`;
    }
    if (!next) break;
    decoded += next;
    layer = next;
  }
  return decoded ? `${source}\n${decoded}` : source;
}

function decodeLiteral(fn: string, literal: string): string | undefined {
  try {
    if (fn === 'atob') return Buffer.from(literal, 'base64').toString('latin1');
    if (fn === 'unescape')
      return literal.replace(/%u([0-9a-f]{4})|%([0-9a-f]{2})/gi, (_, u, b) => String.fromCharCode(Number.parseInt(u ?? b, 16)));
    return decodeURIComponent(literal);
  } catch {
    return undefined;
  }
}

/** Host of the first absolute URL in a snippet, for evidence. */
export function hostIn(snippet: string): string {
  return /https?:\/\/([^/\s'"`?#)]+)/i.exec(snippet)?.[1]?.toLowerCase() ?? '';
}
