/**
 * Disk images (ISO/UDF, raw IMG, VHD/VHDX, Apple DMG) attached to mail. Windows mounts them
 * with a double-click, and files inside used to escape the "downloaded from the internet"
 * mark, so they became a favourite wrapper for loaders in 2022-2023.
 *
 * Example threat: `DHL_Shipment_Doc.iso` containing `Document.lnk` and a hidden DLL.
 *
 * Known false positives: IT and software teams mailing install media (rare: images are large).
 * Files only named like an image (content unreadable or emptied) count half.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, describeFile, extensionOf, fileEvidence, kindOf } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_DISK_IMAGE',
    group: 'attachments',
    weight: 6,
    indicates: 'malware',
    description: 'A disk image (ISO, IMG, VHD) is attached; opening it mounts a drive whose files can run.',
  },
] as const satisfies readonly SignalDefinition[];

const IMAGE_NAMES = new Set(['iso', 'img', 'vhd', 'vhdx', 'udf']);

export const diskImageDetector: Detector = {
  id: 'attachments.disk-image',
  stage: 'analyze',
  signals,
  run(ctx) {
    const byContent: string[] = [];
    const byName: string[] = [];
    for (const attachment of allAttachments(ctx)) {
      if (kindOf(attachment) === 'disk-image') byContent.push(fileEvidence(describeFile(attachment)));
      else if (!attachment.detectedType && IMAGE_NAMES.has(extensionOf(attachment.filename))) byName.push(fileEvidence(attachment.path));
    }
    if (byContent.length > 0) return [{ id: 'ATT_DISK_IMAGE', evidence: byContent.slice(0, 5) }];
    if (byName.length > 0) return [{ id: 'ATT_DISK_IMAGE', factor: 0.5, evidence: byName.slice(0, 5) }] satisfies SignalHit[];
    return [];
  },
};
