/**
 * Executables and Windows scripts, recognised by their bytes wherever they sit: attached
 * directly, inside a zip/gzip/tar, or in an attached message.
 *
 * Example threat: `Payment_Advice.zip` holding `Payment_Advice.pdf.exe` (a PE file), or a
 * JScript dropper `Invoice_0393.js` that fetches a loader with WScript.Shell.
 *
 * Known false positives: software vendors or IT staff mailing installers and admin scripts;
 * most organisations block these at the gateway anyway. Scripts are typed by content markers,
 * so a text file that quotes a whole script (a help-desk answer) can be typed as one.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, describeFile, fileEvidence, kindOf } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_EXECUTABLE',
    group: 'attachments',
    weight: 8,
    indicates: 'malware',
    description: 'A program file (Windows/Linux/macOS executable, installer or Java archive) is attached, possibly inside an archive.',
  },
  {
    id: 'ATT_SCRIPT',
    group: 'attachments',
    weight: 6,
    indicates: 'malware',
    description: 'A Windows script (JScript, VBScript, PowerShell, batch, HTA, WSF) is attached, possibly inside an archive.',
  },
] as const satisfies readonly SignalDefinition[];

export const executableDetector: Detector = {
  id: 'attachments.executable',
  stage: 'analyze',
  signals,
  run(ctx) {
    const programs: string[] = [];
    const scripts: string[] = [];
    for (const attachment of allAttachments(ctx)) {
      const kind = kindOf(attachment);
      if (kind === 'executable') programs.push(fileEvidence(describeFile(attachment)));
      else if (kind === 'script') scripts.push(fileEvidence(describeFile(attachment)));
    }
    const hits: SignalHit[] = [];
    if (programs.length > 0) hits.push({ id: 'ATT_EXECUTABLE', evidence: programs.slice(0, 5) });
    if (scripts.length > 0) hits.push({ id: 'ATT_SCRIPT', evidence: scripts.slice(0, 5) });
    return hits;
  },
};
