/**
 * Files whose name or declared Content-Type claims a harmless document or picture while the
 * bytes are something else that runs or phishes: a program, script, shortcut, disk image or
 * web page. Only dangerous real types count; a PNG called `.jpg` is ignored.
 *
 * Example threat: `Remittance.pdf` declared `application/pdf` that is really an HTML login
 * page; `photo.jpg` that is a Windows executable.
 *
 * Known false positives: mail systems that save web pages with a `.doc` or `.xls` name (old
 * "HTML as Excel" exports) fire the HTML variant.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { FileCategory } from '../../mime/file-kind.ts';
import type { Attachment } from '../../mime/types.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, extensionOf, fileEvidence, kindOf } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_DISGUISED_EXECUTABLE',
    group: 'attachments',
    weight: 5,
    indicates: 'malware',
    description: 'An attachment named or declared as a document or picture is really a program, script, shortcut or disk image.',
  },
  {
    id: 'ATT_DISGUISED_HTML',
    group: 'attachments',
    weight: 3,
    indicates: 'phish',
    description: 'An attachment named or declared as a document or picture is really a web page (or SVG) that opens in the browser.',
  },
] as const satisfies readonly SignalDefinition[];

/** What a name or a Content-Type claims, reduced to the families that reassure a reader. */
const HARMLESS_EXTENSIONS = new Map<string, string>(
  [
    ['document', 'pdf doc docx xls xlsx xlsb ppt pptx rtf odt ods odp txt csv'],
    ['picture', 'jpg jpeg png gif bmp tif tiff webp heic'],
    ['media', 'mp3 mp4 wav mov avi m4a'],
  ].flatMap(([family, list]) => list.split(' ').map((ext): [string, string] => [ext, family])),
);

/** Declared types that claim a harmless family; `generic` ones (text) are what clients guess for any unknown text file. */
const HARMLESS_TYPES: { pattern: RegExp; family: string; generic?: boolean }[] = [
  { pattern: /^image\/(?!svg)/, family: 'picture' },
  { pattern: /^(audio|video)\//, family: 'media' },
  { pattern: /^application\/(pdf|msword|vnd\.ms-|vnd\.openxmlformats|vnd\.oasis)/, family: 'document' },
  { pattern: /^text\/(plain|csv)$/, family: 'document', generic: true },
];

const RUNNABLE: ReadonlySet<FileCategory> = new Set(['executable', 'script', 'shortcut', 'disk-image']);
const WEB_PAGE: ReadonlySet<FileCategory> = new Set(['html', 'svg']);

/** The harmless family a name or declared type claims, if any. */
export function claimedFamily(attachment: Pick<Attachment, 'filename' | 'declaredType'>): { family: string; by: string } | undefined {
  const ext = extensionOf(attachment.filename);
  const named = HARMLESS_EXTENSIONS.get(ext);
  if (named) return { family: named, by: `named .${ext}` };
  const declared = attachment.declaredType.split(';')[0].trim();
  // A specific declared type (PDF, picture) is a claim even against an honest `.exe` name; generic text only counts without an extension.
  const claim = HARMLESS_TYPES.find((t) => t.pattern.test(declared) && (!t.generic || !ext));
  if (claim) return { family: claim.family, by: `declared ${declared}` };
  return undefined;
}

export const typeMismatchDetector: Detector = {
  id: 'attachments.type-mismatch',
  stage: 'analyze',
  signals,
  run(ctx) {
    const runnable: string[] = [];
    const pages: string[] = [];
    for (const attachment of allAttachments(ctx)) {
      const kind = kindOf(attachment);
      const bucket = RUNNABLE.has(kind) ? runnable : WEB_PAGE.has(kind) ? pages : undefined;
      if (!bucket) continue;
      const claim = claimedFamily(attachment);
      if (claim) bucket.push(fileEvidence(`${attachment.path}: ${claim.by}, is ${attachment.detectedType?.ext}`));
    }
    const hits: SignalHit[] = [];
    if (runnable.length > 0) hits.push({ id: 'ATT_DISGUISED_EXECUTABLE', evidence: runnable.slice(0, 5) });
    if (pages.length > 0) hits.push({ id: 'ATT_DISGUISED_HTML', evidence: pages.slice(0, 5) });
    return hits;
  },
};
