/**
 * Links that are not web addresses at all: `data:` documents, `javascript:` code, Windows file
 * shares and protocol handlers that open local programs.
 *
 * Threat: an anchor to `data:text/html;base64,PHNjcmlwdD4...` renders a whole phishing page
 * from the link itself (no host to block); `file://203.0.113.9/share/doc` or `\\host\share`
 * makes Windows send the user's NTLM hash; `search-ms:` and `ms-msdt:` open local tools for
 * malware delivery.
 *
 * Known false positives: html written in a desktop editor may link to the author's own disk
 * (`file:///C:/...`), which weighs little; `javascript:void(0)` placeholders are ignored;
 * `data:image/...` pictures are normal and never count.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { linkFacts } from './link-facts.ts';

const SIGNALS = [
  {
    id: 'URL_DATA_HTML',
    group: 'links',
    weight: 7,
    indicates: 'phish',
    description: 'A link or frame carries a whole web page inside itself (a data: URL), a way to show a phishing page without any website.',
  },
  {
    id: 'URL_JAVASCRIPT',
    group: 'links',
    weight: 1.5,
    indicates: 'phish',
    description: 'A link runs script code (javascript:) instead of opening a web page.',
  },
  {
    id: 'URL_FILE_SHARE',
    group: 'links',
    weight: 6,
    indicates: 'malware',
    description:
      "A link opens a file share on another computer (smb:, file://host, \\\\host), which can leak the user's Windows credentials or run files.",
  },
  {
    id: 'URL_LOCAL_FILE',
    group: 'links',
    weight: 0.5,
    indicates: 'none',
    description: "A link points to a file on the reader's own disk (file:///), usually a slip of the author's editor.",
  },
  {
    id: 'URL_PROTOCOL_HANDLER',
    group: 'links',
    weight: 6,
    indicates: 'malware',
    description:
      'A link launches a Windows program through a protocol handler (search-ms:, ms-msdt:, ms-officecmd: ...), used to deliver malware.',
  },
] as const satisfies readonly SignalDefinition[];

/** Media types a browser renders as an active document. */
const ACTIVE_DATA = /^data:\s*(?:text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/javascript|application\/(?:x-)?javascript)/i;
const HARMLESS_JAVASCRIPT = /^javascript:\s*(?:void\s*\(?\s*0?\s*\)?|;|return\s+false|undefined|false|null)?\s*;?\s*$/i;
/** `file:` with a host (`file://server/...`, `file:////server/...`), as opposed to `file:///C:/...`. */
const REMOTE_FILE = /^file:(?:\/\/(?!\/|localhost\/)[^/]|\/{4,}[^/])/i;
const DANGEROUS_HANDLERS = new Set([
  'search-ms',
  'search',
  'ms-msdt',
  'ms-officecmd',
  'ms-appinstaller',
  'ms-cxh',
  'ms-cxh-full',
  'ms-excel',
  'ms-word',
  'ms-powerpoint',
  'ms-settings',
  'shell',
  'vbscript',
  'jar',
  'ldap',
]);

export const dangerousSchemeDetector: Detector = {
  id: 'links.dangerous-scheme',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const found: Record<(typeof SIGNALS)[number]['id'], string[]> = {
      URL_DATA_HTML: [],
      URL_JAVASCRIPT: [],
      URL_FILE_SHARE: [],
      URL_LOCAL_FILE: [],
      URL_PROTOCOL_HANDLER: [],
    };
    for (const { link } of linkFacts(ctx)) {
      const evidence = clipEvidence(link.href, 80);
      if (link.scheme === 'data') {
        if (link.kind !== 'image' && ACTIVE_DATA.test(link.href)) found.URL_DATA_HTML.push(evidence);
      } else if (link.scheme === 'javascript') {
        if (!HARMLESS_JAVASCRIPT.test(link.href)) found.URL_JAVASCRIPT.push(evidence);
      } else if (link.scheme === 'smb' || link.href.startsWith('\\\\') || (link.scheme === 'file' && REMOTE_FILE.test(link.href))) {
        found.URL_FILE_SHARE.push(evidence);
      } else if (link.scheme === 'file') {
        found.URL_LOCAL_FILE.push(evidence);
      } else if (DANGEROUS_HANDLERS.has(link.scheme)) {
        found.URL_PROTOCOL_HANDLER.push(evidence);
      }
    }
    const hits: SignalHit[] = [];
    for (const [id, evidence] of Object.entries(found)) {
      if (evidence.length > 0) hits.push({ id, evidence: [...new Set(evidence)].slice(0, 3) });
    }
    return hits;
  },
};
