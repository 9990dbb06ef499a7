/**
 * OneNote notebooks (`.one`, recognised by their file-format GUID). In 2023 they replaced macro
 * documents as a loader wrapper: a picture of a "Double click to view" button over an embedded
 * script or executable. Notebooks with embedded files count fully, others half.
 *
 * Example threat: `Invoice_21-02.one` embedding `open.hta` behind a fake button.
 *
 * Known false positives: teams that share notebook sections by mail (uncommon: OneNote
 * shares through OneDrive/SharePoint links).
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, fileEvidence } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_ONENOTE',
    group: 'attachments',
    weight: 5,
    indicates: 'malware',
    description: 'A OneNote notebook is attached, a common wrapper for hidden scripts and programs.',
  },
] as const satisfies readonly SignalDefinition[];

/** FileDataStoreObject header GUID {BDE316E7-2665-4511-A4C4-8D4D0B7A9EAC}: an embedded file. */
const EMBEDDED_FILE_GUID = Buffer.from('e716e3bd65261145a4c48d4d0b7a9eac', 'hex');

export const oneNoteDetector: Detector = {
  id: 'attachments.onenote',
  stage: 'analyze',
  signals,
  run(ctx) {
    const notebooks: string[] = [];
    let factor = 0;
    for (const attachment of allAttachments(ctx)) {
      if (attachment.detectedType?.ext !== 'one') continue;
      const bytes = attachment.content;
      const embeds = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(EMBEDDED_FILE_GUID) >= 0;
      notebooks.push(fileEvidence(`${attachment.path}${embeds ? ' (embedded file)' : ''}`));
      factor = Math.max(factor, embeds || attachment.truncated ? 1 : 0.5);
    }
    return notebooks.length > 0 ? ([{ id: 'ATT_ONENOTE', factor, evidence: notebooks.slice(0, 5) }] satisfies SignalHit[]) : [];
  },
};
