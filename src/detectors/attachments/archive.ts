/**
 * Archives the scanner cannot look into: formats without a decoder here (RAR, 7-Zip, ACE, ARJ,
 * CAB, LZH, ...) and zip members compressed with methods other than deflate. Attackers pick
 * these formats because many gateways cannot open them either. Encrypted archives are
 * reported by attachments.encrypted-archive instead.
 *
 * Example threat: `Purchase_Order.ace` or `.r00` holding a loader executable.
 *
 * Known false positives: people who prefer RAR or 7-Zip for large files; those formats count
 * half, the rarer legacy formats fully, and the weight stays low.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, describeFile, fileEvidence } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_UNSCANNABLE_ARCHIVE',
    group: 'attachments',
    weight: 2,
    indicates: 'malware',
    description: 'An archive in a format the scanner cannot open (e.g. RAR, 7-Zip, ACE) is attached, so its contents were not checked.',
  },
] as const satisfies readonly SignalDefinition[];

/** Legacy formats practically only seen in malware campaigns today. */
const RARE_FORMATS = new Set(['ace', 'arj', 'lzh', 'cab']);
const UNOPENED_FORMATS = new Set(['rar', '7z', 'bz2', 'xz', 'zst', 'lz', 'lz4', 'cpio', ...RARE_FORMATS]);

export const archiveDetector: Detector = {
  id: 'attachments.archive',
  stage: 'analyze',
  signals,
  run(ctx) {
    const evidence: string[] = [];
    let factor = 0;
    for (const attachment of allAttachments(ctx)) {
      const ext = attachment.detectedType?.ext ?? '';
      if (!UNOPENED_FORMATS.has(ext) || attachment.encrypted) continue;
      evidence.push(fileEvidence(describeFile(attachment)));
      factor = Math.max(factor, RARE_FORMATS.has(ext) ? 1 : 0.5);
    }
    return evidence.length > 0 ? ([{ id: 'ATT_UNSCANNABLE_ARCHIVE', factor, evidence: evidence.slice(0, 5) }] satisfies SignalHit[]) : [];
  },
};
