/**
 * File names built to deceive: a document extension followed by a dangerous one
 * (`invoice.pdf.exe`, `scan.pdf          .js`), Unicode direction overrides that make
 * `invoice_fdp.exe` display as `invoice_exe.pdf`, and dangerous extensions on files whose
 * bytes could not be checked (encrypted or unextracted archive members).
 *
 * Example threat: `Statement.pdf.html` credential page, `DHL_AWB.PDF.iso` disk image,
 * `Rechnung\u202Efdp.exe` (displays as `Rechnungexe.pdf`).
 *
 * Known false positives: backups and generated names such as `report.xls.zip` are not flagged
 * because archives are not dangerous on their own; `notes.txt.html` exports from some tools
 * are flagged (weak variant for html).
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Attachment } from '../../mime/types.ts';
import type { Detector } from '../../pipeline/detector.ts';
import {
  allAttachments,
  DANGEROUS_EXTENSIONS,
  DIRECTION_CONTROLS,
  DOCUMENT_EXTENSIONS,
  extensionOf,
  fileEvidence,
  kindOf,
} from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_DOUBLE_EXTENSION',
    group: 'attachments',
    weight: 6,
    indicates: 'malware',
    description: 'An attachment name ends in a document extension followed by a dangerous one, e.g. invoice.pdf.exe.',
  },
  {
    id: 'ATT_NAME_DIRECTION_OVERRIDE',
    group: 'attachments',
    weight: 7,
    indicates: 'malware',
    description: 'An attachment name contains invisible Unicode direction controls that disguise its real extension.',
  },
  {
    id: 'ATT_DANGEROUS_NAME_UNCHECKED',
    group: 'attachments',
    weight: 3,
    indicates: 'malware',
    description:
      'An attachment whose content could not be checked (encrypted or not extractable) is named like a program, script or disk image.',
  },
] as const satisfies readonly SignalDefinition[];

/** Extensions that turn a double extension into a threat; html/htm/svg count too (credential pages), more weakly. */
const WEB_PAGE_EXTENSIONS = new Set(['htm', 'html', 'shtml', 'xhtml', 'svg', 'mht', 'mhtml']);

/** `name.pdf.exe` or `name.pdf      .exe` or `name.pdf_.exe`: a decoy extension directly before the real one. */
export function doubleExtension(name: string): { decoy: string; real: string } | undefined {
  const match = /\.([a-z0-9]{2,5})[\s_.\u00a0-]*\.([a-z0-9-]{2,20})[\s.]*$/i.exec(name);
  if (!match) return undefined;
  const decoy = match[1].toLowerCase();
  const real = match[2].toLowerCase();
  if (!DOCUMENT_EXTENSIONS.has(decoy) || decoy === real) return undefined;
  if (!DANGEROUS_EXTENSIONS.has(real) && !WEB_PAGE_EXTENSIONS.has(real)) return undefined;
  if (WEB_PAGE_EXTENSIONS.has(decoy) && WEB_PAGE_EXTENSIONS.has(real)) return undefined;
  return { decoy, real };
}

export const fileNameDetector: Detector = {
  id: 'attachments.file-name',
  stage: 'analyze',
  signals,
  run(ctx) {
    const doubles: string[] = [];
    let doubleFactor = 0;
    const overrides: string[] = [];
    const unchecked: string[] = [];
    for (const attachment of allAttachments(ctx)) {
      const name = attachment.filename;
      if (!name) continue;
      const double = doubleExtension(name);
      if (double) {
        doubles.push(fileEvidence(`${attachment.path}: .${double.decoy} then .${double.real}`));
        doubleFactor = Math.max(doubleFactor, WEB_PAGE_EXTENSIONS.has(double.real) ? 0.6 : 1);
      }
      if (hasDirectionControl(name)) overrides.push(fileEvidence(attachment.path));
      if (isUnchecked(attachment) && DANGEROUS_EXTENSIONS.has(extensionOf(name))) unchecked.push(fileEvidence(attachment.path));
    }
    const hits: SignalHit[] = [];
    if (doubles.length > 0) hits.push({ id: 'ATT_DOUBLE_EXTENSION', factor: doubleFactor, evidence: doubles.slice(0, 5) });
    if (overrides.length > 0) hits.push({ id: 'ATT_NAME_DIRECTION_OVERRIDE', evidence: overrides.slice(0, 5) });
    if (unchecked.length > 0) hits.push({ id: 'ATT_DANGEROUS_NAME_UNCHECKED', evidence: unchecked.slice(0, 5) });
    return hits;
  },
};

function isUnchecked(attachment: Attachment): boolean {
  return (attachment.encrypted || attachment.truncated) && kindOf(attachment) !== 'executable';
}

function hasDirectionControl(name: string): boolean {
  DIRECTION_CONTROLS.lastIndex = 0;
  return DIRECTION_CONTROLS.test(name);
}
