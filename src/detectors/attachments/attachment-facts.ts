import { clipEvidence } from '../../core/signal.ts';
import { categoryOf, type FileCategory } from '../../mime/file-kind.ts';
import type { Attachment, ParsedMessage } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';

/**
 * Shared views of a message's attachments for the attachment detectors: every file including
 * those of attached messages, their real kind, their name's extension, and their text.
 */

/** Attachments of the message and of the messages attached to it, archive members included. */
export function allAttachments(ctx: ScanContext): Attachment[] {
  return ctx.feature('attachments.all', () => {
    const out: Attachment[] = [];
    const visit = (message: ParsedMessage) => {
      out.push(...message.attachments);
      for (const inner of message.nested) visit(inner);
    };
    visit(ctx.message);
    return out;
  });
}

export function kindOf(attachment: Attachment): FileCategory {
  return categoryOf(attachment.detectedType);
}

/** Lower-cased extension of a file name after trimming the padding attackers add (`a.pdf   .exe` -> `exe`). */
export function extensionOf(name: string): string {
  const match = /\.([a-z0-9-]{1,20})[\s.]*$/i.exec(name);
  return match ? match[1].toLowerCase() : '';
}

/** Extensions Windows runs, opens as a shell or mounts when double-clicked. */
export const DANGEROUS_EXTENSIONS = new Set(
  [
    'exe scr com pif cpl msi msp msc dll bat cmd vbs vbe js jse wsf wsh wsc hta ps1 psm1 lnk url website',
    'jar reg inf scf appx msix appinstaller application iso img vhd vhdx one chm xll gadget',
    'settingcontent-ms library-ms search-ms',
  ]
    .join(' ')
    .split(' '),
);

/** Extensions a reader trusts as documents or pictures: the decoy half of `invoice.pdf.exe`. */
export const DOCUMENT_EXTENSIONS = new Set(
  [
    'pdf doc docx xls xlsx xlsb ppt pptx rtf txt csv odt ods jpg jpeg png gif bmp tif tiff mp3 mp4 wav',
    'mov avi zip rar 7z eml msg xml json htm html',
  ]
    .join(' ')
    .split(' '),
);

/** Text of an attachment for pattern matching (latin1 keeps byte offsets; first `max` bytes), cached per path. */
export function textOf(ctx: ScanContext, attachment: Attachment, max = 2 * 1024 * 1024): string {
  return ctx.feature(`attachments.text:${attachment.path}:${attachment.sha256}`, () => {
    const bytes = attachment.content.subarray(0, max);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  });
}

/** `path (type)` for evidence. */
export function describeFile(attachment: Attachment): string {
  const type = attachment.detectedType?.ext;
  return type ? `${attachment.path} (${type})` : attachment.path;
}

/** Bidi controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) and the right-to-left mark. */
export const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200f]/g;

/**
 * Evidence about file names must show what is stored, not what a screen would display:
 * direction controls become `<U+202E>` and padding runs become `[12 spaces]`.
 */
export function fileEvidence(text: string): string {
  const revealed = text
    .replace(DIRECTION_CONTROLS, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase()}>`)
    .replace(/ {3,}/g, (run) => `[${run.length} spaces]`);
  return clipEvidence(revealed);
}
