import { constants, inflateSync } from 'node:zlib';
import type { Attachment } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { allAttachments } from './attachment-facts.ts';

/**
 * The parts of a PDF that matter for actions and links, read without a PDF library: the raw
 * bytes plus the inflated object streams (PDF 1.5+ keeps most dictionaries, including
 * /JavaScript and /URI, compressed inside /ObjStm streams). Name escapes (`/J#61vaScript`)
 * are decoded so a disguised key still matches.
 */

export interface PdfFacts {
  attachment: Attachment;
  javascript: boolean;
  launch: boolean;
  autoAction: boolean;
  embeddedFile: boolean;
  submitForm: boolean;
  uris: string[];
  pages: number;
}

/** Bytes read per PDF; larger files are mostly images and fonts beyond this. */
const MAX_RAW_BYTES = 16 * 1024 * 1024;
const MAX_STREAMS = 200;
const MAX_STREAM_OUTPUT = 1024 * 1024;
const MAX_INFLATED_TOTAL = 4 * 1024 * 1024;

export function pdfFacts(ctx: ScanContext): PdfFacts[] {
  return ctx.feature('attachments.pdf', () =>
    allAttachments(ctx)
      .filter((a) => a.detectedType?.ext === 'pdf' && a.content.length > 0)
      .map((a) => readPdf(a)),
  );
}

export function readPdf(attachment: Attachment): PdfFacts {
  const text = decodeNames(objectText(attachment.content.subarray(0, MAX_RAW_BYTES)));
  const uris = [...text.matchAll(/\/URI\s*\(((?:\\.|[^\\)]){1,500})\)/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  return {
    attachment,
    // Short keys need the value that follows them, so prose such as "/JSON" does not count.
    javascript: /\/JavaScript\b|\/JS\s*(\(|<|\d+\s+\d+\s+R)/.test(text),
    launch: /\/Launch\b/.test(text),
    autoAction: /\/OpenAction\b|\/AA\s*(<<|\d+\s+\d+\s+R)/.test(text),
    embeddedFile: /\/EmbeddedFiles?\b/.test(text),
    submitForm: /\/SubmitForm\b/.test(text),
    uris: [...new Set(uris)],
    pages: text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0,
  };
}

/**
 * The PDF's objects without their stream data (images, fonts, page content), plus the inflated
 * /ObjStm streams, which hold compressed dictionaries. Stream bytes are the bulk of a PDF and
 * hold no actions, so skipping them keeps a multi-megabyte scan to a few milliseconds.
 */
function objectText(bytes: Uint8Array): string {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let inflated = 0;
  let streams = 0;
  for (let at = 0; at < pdf.length; ) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) {
      parts.push(pdf.toString('latin1', at));
      break;
    }
    const before = pdf.toString('latin1', at, start);
    parts.push(before);
    const dictionary = before.slice(before.lastIndexOf('<<'));
    const dataStart = start + 6 + (pdf[start + 6] === 0x0d ? 2 : 1);
    const end = streamEnd(pdf, dictionary, dataStart);
    if (end < 0) break;
    if (
      /\/Type\s*\/ObjStm\b/.test(dictionary) &&
      /\/FlateDecode\b/.test(dictionary) &&
      ++streams <= MAX_STREAMS &&
      inflated < MAX_INFLATED_TOTAL
    ) {
      const content = inflateObjectStream(pdf.subarray(dataStart, end));
      inflated += content.length;
      parts.push(content);
    }
    at = end + 9;
  }
  return parts.join('\n');
}

/** Where `endstream` is: right after /Length bytes when the length is given directly, else found by searching. */
function streamEnd(pdf: Buffer, dictionary: string, dataStart: number): number {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  if (length) {
    const guess = dataStart + Number(length[1]);
    const near = pdf.indexOf('endstream', guess, 'latin1');
    if (near >= 0 && near - guess < 32) return near;
  }
  return pdf.indexOf('endstream', dataStart, 'latin1');
}

function inflateObjectStream(data: Uint8Array): string {
  try {
    return inflateSync(data, { maxOutputLength: MAX_STREAM_OUTPUT, finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
  } catch {
    // Damaged or oversized streams are skipped: the rest of the file is still read.
    return '';
  }
}

/** `/J#61vaScript` -> `/JavaScript`. */
function decodeNames(text: string): string {
  if (!text.includes('#')) return text;
  return text.replace(/\/[^\s/<>[\]()]*#[0-9a-fA-F]{2}[^\s/<>[\]()]*/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}
