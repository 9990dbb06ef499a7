/**
 * HTML files sent as attachments: they open from disk in the browser, outside the mail
 * client's protections. Looks for credential forms (posting to a web host or a Telegram bot),
 * HTML smuggling (a payload decoded in the page and saved as a download), redirects to a web
 * host, remote scripts and heavy obfuscation. Decoded unescape/atob literals are searched too.
 *
 * Example threat: `Remittance_Advice.htm` showing a fake Microsoft sign-in whose form posts to
 * `https://x.000webhostapp.com/next.php`; `Invoice.html` that rebuilds a zip from base64 with
 * `atob` and `msSaveOrOpenBlob`.
 *
 * Known false positives: saved web pages, HTML receipts and the `ATT00001.htm` parts Exchange
 * splits off a body (ATT_HTML_FILE, weight 1; pages with CDN scripts fire ATT_HTML_REMOTE_SCRIPT
 * weakly). Some document portals send HTML wrappers that
 * redirect to their site.
 */
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { fileEvidence } from './attachment-facts.ts';
import { hostIn, htmlAttachments } from './html-content.ts';

const signals = [
  {
    id: 'ATT_HTML_FILE',
    group: 'attachments',
    weight: 1,
    indicates: 'phish',
    description: 'A web page is attached as a file; it opens in the browser outside the mail client.',
  },
  {
    id: 'ATT_HTML_CREDENTIAL_FORM',
    group: 'attachments',
    weight: 6,
    indicates: 'phish',
    description: 'An attached web page asks for a password or sends typed credentials to a web host.',
  },
  {
    id: 'ATT_HTML_SMUGGLING',
    group: 'attachments',
    weight: 7,
    indicates: 'malware',
    description: 'An attached web page builds a file from data hidden in the page and offers it as a download (HTML smuggling).',
  },
  {
    id: 'ATT_HTML_REDIRECT',
    group: 'attachments',
    weight: 4,
    indicates: 'phish',
    description: 'An attached web page sends the browser on to a web site as soon as it opens.',
  },
  {
    id: 'ATT_HTML_REMOTE_SCRIPT',
    group: 'attachments',
    weight: 2,
    indicates: 'phish',
    description: 'An attached web page loads scripts or frames from the internet.',
  },
  {
    id: 'ATT_HTML_OBFUSCATED',
    group: 'attachments',
    weight: 3,
    indicates: 'phish',
    description: 'An attached web page hides its content behind encoding or script obfuscation.',
  },
] as const satisfies readonly SignalDefinition[];

const PASSWORD_FIELD = /<input\b[^>]*\btype\s*=\s*\\?["']?password|\btype\s*[:=]\s*["']password["']/i;
const EMAIL_FIELD = /<input\b[^>]*\b(type\s*=\s*\\?["']?email|name\s*=\s*\\?["']?(e-?mail|login|user(name)?|pass\w*|pwd))/i;
const FORM_TARGET = /<form\b[^>]*\baction\s*=\s*\\?["']?((?:https?:)?\/\/[^"'\\\s>]+|[^"'\\\s>]*\.php)/i;
const CHAT_DROP = /api\.telegram\.org\/bot|discord(?:app)?\.com\/api\/webhooks/i;
const SCRIPT_REQUEST = /\$\.(?:ajax|post)\s*\(|\bfetch\s*\(|XMLHttpRequest/;
const SMUGGLING_DECODE = /\batob\s*\(|base64ToBlob|\bUint8Array\b|charCodeAt\s*\(/;
const SMUGGLING_SAVE: [string, RegExp][] = [
  ['new Blob', /\bnew\s+Blob\s*\(/],
  ['msSaveOrOpenBlob', /msSave(OrOpen)?Blob\b/],
  ['createObjectURL', /createObjectURL\s*\(/],
  [
    'download link',
    /\.download\s*=|\bdownload\s*=\s*\\?["']?[^"'\s>]+\.(zip|rar|7z|iso|img|vhdx?|exe|msi|js|jse|vbs|hta|lnk|one|wsf|bat|cmd|scr)\b/i,
  ],
];
const DOWNLOAD_NAME = /(?:\.download\s*=\s*|\bdownload\s*=\s*\\?|msSave(?:OrOpen)?Blob\s*\([^,]+,\s*)["']([^"']{1,100})["']/i;
const DATA_PAYLOAD =
  /data:application\/(octet-stream|zip|x-zip[\w-]*|x-msdownload|x-rar[\w-]*|x-7z[\w-]*|vnd\.ms-[\w.-]+|x-iso9660[\w-]*|hta|javascript|x-javascript)[^,"']{0,40};base64,[A-Za-z0-9+/]{1000}/i;
const REDIRECT =
  /(\blocation(\.href)?\s*=\s*|\blocation\.(replace|assign)\s*\(\s*|window\.open\s*\(\s*)["'`]https?:\/\/[^"'`]+|<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*url\s*=\s*['"]?https?:\/\/[^"'>\s]+/i;
const REMOTE_SCRIPT = /<(script|iframe)\b[^>]*\bsrc\s*=\s*\\?["']?(?:https?:)?\/\/([^/"'\\\s>]+)/gi;
const OBFUSCATION = [
  /\b(unescape|atob|decodeURIComponent)\s*\(\s*["'`][^"'`]{500,}/i,
  /document\.write\s*\(\s*(unescape|atob|decodeURIComponent|window\.atob)\b/i,
  /\beval\s*\(\s*(atob|unescape|function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e)/i,
  /String\.fromCharCode\s*\(\s*(\d+\s*,\s*){40,}/i,
  /(\\x[0-9a-f]{2}){60,}/i,
  /\b_0x[0-9a-f]{4,6}\b[\s\S]{0,200}\b_0x[0-9a-f]{4,6}\b/i,
];

/** Where typed credentials go, most telling first: `Telegram bot`, `form to https://x.example/next.php`, `script request`. */
function credentialSink(html: string): string | undefined {
  const chat = CHAT_DROP.exec(html)?.[0];
  if (chat) return /telegram/i.test(chat) ? 'Telegram bot' : 'Discord webhook';
  const form = FORM_TARGET.exec(html)?.[1];
  if (form) return `form to ${form}`;
  return SCRIPT_REQUEST.test(html) ? 'script request' : undefined;
}

/** A page that clicks its own link on load is a redirect too: `<body onload="...click()">` + `<a href="https://...">`. */
function autoClickedLink(html: string): string | undefined {
  if (!/\.click\s*\(\s*\)/.test(html)) return undefined;
  return /<a\b[^>]*\bhref\s*=\s*["']?https?:\/\/[^"'\s>]+/i.exec(html)?.[0];
}

export const htmlAttachmentDetector: Detector = {
  id: 'attachments.html',
  stage: 'analyze',
  signals,
  run(ctx) {
    const pages = htmlAttachments(ctx);
    if (pages.length === 0) return [];
    const found = new Map<string, { evidence: string[]; factor: number }>();
    const note = (id: string, evidence: string, factor = 1) => {
      const entry = found.get(id) ?? { evidence: [], factor: 0 };
      if (entry.evidence.length < 5) entry.evidence.push(fileEvidence(evidence));
      entry.factor = Math.max(entry.factor, factor);
      found.set(id, entry);
    };
    for (const { attachment, source, unwrapped } of pages) {
      const path = attachment.path;
      note('ATT_HTML_FILE', path);
      const sink = credentialSink(unwrapped);
      if (PASSWORD_FIELD.test(unwrapped)) note('ATT_HTML_CREDENTIAL_FORM', `${path}: password field${sink ? `, sent via ${sink}` : ''}`);
      else if (sink && EMAIL_FIELD.test(unwrapped)) note('ATT_HTML_CREDENTIAL_FORM', `${path}: login field sent via ${sink}`, 0.7);
      const saves = SMUGGLING_SAVE.filter(([, pattern]) => pattern.test(unwrapped)).map(([name]) => name);
      if (saves.length > 0 && SMUGGLING_DECODE.test(unwrapped)) {
        const saved = DOWNLOAD_NAME.exec(unwrapped)?.[1];
        note('ATT_HTML_SMUGGLING', `${path}: decodes data, ${saves.join(' + ')}${saved ? `, saves ${saved}` : ''}`);
      } else if (DATA_PAYLOAD.test(unwrapped)) note('ATT_HTML_SMUGGLING', `${path}: embedded ${DATA_PAYLOAD.exec(unwrapped)?.[1]} payload`);
      const redirect = REDIRECT.exec(unwrapped)?.[0] ?? autoClickedLink(unwrapped);
      if (redirect) note('ATT_HTML_REDIRECT', `${path}: to ${hostIn(redirect)}`);
      const remote = [...unwrapped.matchAll(REMOTE_SCRIPT)].map((m) => m[2].toLowerCase());
      if (remote.length > 0) note('ATT_HTML_REMOTE_SCRIPT', `${path}: ${[...new Set(remote)].slice(0, 3).join(', ')}`);
      const obfuscation = OBFUSCATION.filter((pattern) => pattern.test(source)).length;
      if (obfuscation > 0) note('ATT_HTML_OBFUSCATED', `${path}: ${obfuscation} obfuscation technique(s)`, obfuscation > 1 ? 1 : 0.7);
    }
    const hits: SignalHit[] = [];
    for (const [id, { evidence, factor }] of found) hits.push({ id, evidence, ...(factor < 1 ? { factor } : {}) });
    return hits;
  },
};
