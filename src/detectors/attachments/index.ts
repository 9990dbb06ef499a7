import type { Detector } from '../../pipeline/detector.ts';
import { archiveDetector } from './archive.ts';
import { calendarDetector } from './calendar.ts';
import { diskImageDetector } from './disk-image.ts';
import { encryptedArchiveDetector } from './encrypted-archive.ts';
import { executableDetector } from './executable.ts';
import { fileNameDetector } from './file-name.ts';
import { htmlAttachmentDetector } from './html-attachment.ts';
import { officeMacroDetector } from './office-macro.ts';
import { oneNoteDetector } from './onenote.ts';
import { pdfDetector } from './pdf.ts';
import { shortcutDetector } from './shortcut.ts';
import { svgDetector } from './svg.ts';
import { typeMismatchDetector } from './type-mismatch.ts';

/** Detectors that read the message's attachments (typed by content, archives opened). */
export const attachmentDetectors: Detector[] = [
  executableDetector,
  fileNameDetector,
  typeMismatchDetector,
  officeMacroDetector,
  htmlAttachmentDetector,
  pdfDetector,
  diskImageDetector,
  shortcutDetector,
  oneNoteDetector,
  svgDetector,
  encryptedArchiveDetector,
  archiveDetector,
  calendarDetector,
];
