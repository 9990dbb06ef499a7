/**
 * Office documents that carry macros: OOXML packages holding `vbaProject.bin` or Excel 4.0
 * macro sheets, and OLE (97-2003) files holding a VBA project or Macros storage. Names and
 * content types that announce a macro-enabled format (`.docm`, `.xlsm`) are a weaker hint.
 *
 * Example threat: `Invoice_2291.doc` whose AutoOpen macro runs PowerShell (Emotet, Qakbot);
 * `Remittance.xlsm` with an Excel 4.0 macro sheet.
 *
 * Known false positives: finance and engineering teams exchange macro workbooks on purpose;
 * weights stay below a verdict on their own, other evidence (sender, lure) must add up.
 */
import cfb from 'cfb';
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import { listZipEntries } from '../../mime/archive-zip.ts';
import type { Attachment } from '../../mime/types.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, extensionOf, fileEvidence } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_OFFICE_MACRO',
    group: 'attachments',
    weight: 6,
    indicates: 'malware',
    description: 'An Office document contains macro code (VBA project or Excel 4.0 macro sheet).',
  },
  {
    id: 'ATT_MACRO_ENABLED_FORMAT',
    group: 'attachments',
    weight: 2,
    indicates: 'malware',
    description: 'An attachment is named or packaged as a macro-enabled Office format (.docm, .xlsm, ...), though no macro code was seen.',
  },
] as const satisfies readonly SignalDefinition[];

/** Formats that exist to carry macros. Not .xlsb: binary workbooks are common without any macro. */
const MACRO_ENABLED = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppsm', 'ppam', 'sldm']);
const OOXML = new Set(['zip', 'docx', 'xlsx', 'xlsb', 'pptx', 'dotx', 'xltx', 'potx', 'ppsx', ...MACRO_ENABLED]);
const OLE = new Set(['cfb', 'doc', 'xls', 'ppt']);

/** Where the macro code lives, or undefined. Exported for tests of the format readers. */
export function macroLocation(attachment: Pick<Attachment, 'content' | 'detectedType'>): string | undefined {
  const ext = attachment.detectedType?.ext ?? '';
  if (attachment.content.length === 0) return undefined;
  if (OOXML.has(ext)) {
    const names = listZipEntries(attachment.content, 5000)?.map((e) => e.name) ?? [];
    return names.find((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /^xl\/macrosheets\//i.test(n));
  }
  if (OLE.has(ext)) return oleMacroStorage(attachment.content);
  return undefined;
}

function oleMacroStorage(bytes: Uint8Array): string | undefined {
  try {
    const container = cfb.read(bytes, { type: 'buffer' });
    return container.FullPaths.find((p) => /\/(_VBA_PROJECT_CUR|VBA|Macros)\/$/i.test(p) || /\/_VBA_PROJECT$/i.test(p));
  } catch {
    // A damaged container still names its storages in UTF-16 directory entries.
    const utf16 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
    return /_VBA_PROJECT/.test(utf16) ? '_VBA_PROJECT' : undefined;
  }
}

export const officeMacroDetector: Detector = {
  id: 'attachments.office-macro',
  stage: 'analyze',
  signals,
  run(ctx) {
    const macros: string[] = [];
    const formats: string[] = [];
    for (const attachment of allAttachments(ctx)) {
      const location = macroLocation(attachment);
      if (location) {
        macros.push(fileEvidence(`${attachment.path}: ${location}`));
        continue;
      }
      const detected = attachment.detectedType?.ext ?? '';
      const named = extensionOf(attachment.filename);
      if (MACRO_ENABLED.has(detected) || MACRO_ENABLED.has(named)) {
        formats.push(fileEvidence(`${attachment.path} (${MACRO_ENABLED.has(detected) ? detected : `named .${named}`})`));
      }
    }
    const hits: SignalHit[] = [];
    if (macros.length > 0) hits.push({ id: 'ATT_OFFICE_MACRO', evidence: macros.slice(0, 5) });
    if (formats.length > 0) hits.push({ id: 'ATT_MACRO_ENABLED_FORMAT', evidence: formats.slice(0, 5) });
    return hits;
  },
};
