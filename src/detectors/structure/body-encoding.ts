/**
 * structure.body-encoding: the body is encoded in a way that only serves to keep plain-text
 * filters from reading it.
 *
 * Catches: a 2 KB html body of plain ASCII sent as base64. Mail clients only base64 text that
 * needs it (non-ASCII, long lines); kits do it so that a filter reading raw bytes sees no words.
 * Known false positives: a few mailers base64 every text part regardless of content (some
 * webmail and CRM tools); this is why the signal weighs little and skips large bodies.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';

/** Only small bodies: large templated mail is base64-encoded by some ESPs out of habit. */
const MAX_DECODED = 20_000;
const MIN_DECODED = 40;
/** Bytes searched for part headers: beyond this, parts are attachments or nested mail. */
const MAX_SCAN = 1_000_000;
const BASE64_CTE = /^content-transfer-encoding:[ \t]*"?base64/i;
const SPELLINGS = ['Content-Transfer-Encoding', 'Content-transfer-encoding', 'content-transfer-encoding', 'CONTENT-TRANSFER-ENCODING'];
const MAX_PARTS = 100;
/** A part header longer than this is not one a mail client wrote; it is not read. */
const MAX_HEADER = 64_000;
const TEXT_TYPE = /^content-type:[ \t]*"?(text\/(?:plain|html))/im;
const BOUNDARY_LINE = /\r?\n--/g;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/g;

const signals = [
  {
    id: 'STRUCT_BASE64_ASCII_BODY',
    group: 'mime',
    weight: 0.5,
    indicates: 'spam',
    description: 'A short text body of plain ASCII is base64-encoded, which only hides it from simple filters',
  },
] as const satisfies readonly SignalDefinition[];

interface EncodedPart {
  type: string;
  bytes: number;
}

/** Where a transfer-encoding field starts, found with the native byte search (not in data: URIs). */
function encodingFields(bytes: Buffer): number[] {
  const found: number[] = [];
  for (const spelling of SPELLINGS) {
    for (let at = bytes.indexOf(spelling); at >= 0 && found.length < MAX_PARTS; at = bytes.indexOf(spelling, at + spelling.length))
      found.push(at);
  }
  return found.sort((a, b) => a - b);
}

/** Index of the first blank line (LF LF or CRLF CRLF) after `from`, or -1. */
function blankLineAfter(bytes: Buffer, from: number): number {
  const crlf = bytes.indexOf('\r\n\r\n', from);
  const lf = bytes.indexOf('\n\n', from);
  if (crlf < 0) return lf;
  return lf < 0 || crlf < lf ? crlf : lf;
}

/** Text parts whose declared transfer encoding is base64 and whose content is plain ASCII. */
function asciiBase64Parts(raw: Uint8Array): EncodedPart[] {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, MAX_SCAN));
  const found: EncodedPart[] = [];
  for (const at of encodingFields(bytes)) {
    // The part header is the run of lines around the field between two blank lines; found with
    // native byte searches, and only the header of a base64 part is turned into text.
    if (at > 0 && bytes[at - 1] !== 0x0a) continue;
    const valueEnd = Math.min(bytes.length, at + 80);
    if (!BASE64_CTE.test(bytes.toString('latin1', at, valueEnd))) continue;
    const headerStart = Math.max(bytes.lastIndexOf('\n\n', at), bytes.lastIndexOf('\n\r\n', at), 0);
    const blank = blankLineAfter(bytes, at);
    if (blank < 0 || at - headerStart > MAX_HEADER || blank - at > MAX_HEADER) continue;
    const type = TEXT_TYPE.exec(bytes.toString('latin1', headerStart, blank))?.[1]?.toLowerCase();
    if (!type) continue;
    const bodyFrom = bytes[blank] === 0x0d ? blank + 4 : blank + 2;
    // Base64 takes 4 characters for 3 bytes: a body longer than the window is not small.
    const text = bytes.toString('latin1', bodyFrom, Math.min(bytes.length, bodyFrom + MAX_DECODED * 1.5));
    BOUNDARY_LINE.lastIndex = 0;
    const end = BOUNDARY_LINE.exec(text)?.index ?? -1;
    if (end < 0 && bodyFrom + text.length < bytes.length) continue;
    const decoded = Buffer.from(text.slice(0, end < 0 ? text.length : end).replace(NOT_BASE64, ''), 'base64');
    if (decoded.length < MIN_DECODED || decoded.length > MAX_DECODED) continue;
    if (decoded.every((b) => b < 0x80)) found.push({ type, bytes: decoded.length });
  }
  return found;
}

export const bodyEncodingDetector: Detector = {
  id: 'structure.body-encoding',
  stage: 'analyze',
  signals,
  run(ctx): SignalHit[] {
    const parts = asciiBase64Parts(ctx.raw);
    if (parts.length === 0) return [];
    return [{ id: 'STRUCT_BASE64_ASCII_BODY', evidence: parts.slice(0, 2).map((p) => `${p.type}, ${p.bytes} bytes of ASCII in base64`) }];
  },
};
