import { createHash } from 'node:crypto';
import type { ScoredSignal } from '../../core/verdict.ts';
import { parseMessage } from '../../mime/parse.ts';
import { realTarget } from './real-target.ts';
import { sanitiseForPreview } from './sanitise.ts';

export interface MessageView {
  headers: Array<{ name: string; value: string }>;
  authentication: Array<{ method: string; result: string; details: string }>;
  links: Array<{ text: string; href: string; target: string; via: string[]; host: string; kind: string; textMismatch: boolean }>;
  attachments: Array<{
    path: string;
    filename: string;
    declaredType: string;
    detectedType: string | null;
    size: number;
    sha256: string;
    sha1: string | null;
    md5: string | null;
    depth: number;
    encrypted: boolean;
    truncated: boolean;
    findings: string[];
  }>;
  preview: { html: string | null; text: string };
}

const MAX_HEADERS = 300;
const MAX_LINKS = 300;
const MAX_PREVIEW_HTML = 512 * 1024;
const MAX_TEXT = 100_000;

/**
 * `mx.example.com; spf=pass (...) smtp.mailfrom=...; dkim=fail ...` as one row per method. The
 * leading authserv-id has no `=`, so it is skipped; Microsoft 365 leaves it out altogether.
 */
function authenticationResults(values: string[]): MessageView['authentication'] {
  const rows: MessageView['authentication'] = [];
  for (const value of values) {
    for (const part of value.split(';')) {
      const match = /^\s*([a-z-]+)\s*=\s*([a-z]+)\b\s*(.*)$/i.exec(part);
      if (match) rows.push({ method: match[1].toLowerCase(), result: match[2].toLowerCase(), details: match[3].trim() });
    }
  }
  return rows;
}

function hostOfText(text: string): string | null {
  const match = /\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b/i.exec(text);
  return match ? match[1].toLowerCase() : null;
}

/**
 * What the analyst needs to judge a message, read from its raw bytes with the engine's own MIME
 * parser: headers, authentication results, links with their real targets, attachments with
 * hashes and what the scan found in them, and a preview safe to render.
 */
export async function buildMessageView(raw: Buffer, signals: ScoredSignal[]): Promise<MessageView> {
  const parsed = await parseMessage(raw);
  const headerValues = (name: string) => parsed.headers.filter((h) => h.key === name).map((h) => h.value);
  const links = parsed.links.slice(0, MAX_LINKS).map((link) => {
    const { target, via } = realTarget(link.href);
    let targetHost = link.host;
    try {
      targetHost = new URL(target).hostname.toLowerCase();
    } catch {
      // Not a URL with a host (mailto:, tel:): keep the written host.
    }
    const shown = hostOfText(link.text);
    return {
      text: link.text.slice(0, 500),
      href: link.href.slice(0, 2000),
      target: target.slice(0, 2000),
      via,
      host: targetHost,
      kind: link.kind,
      // The visible text names one site while the link goes to another.
      textMismatch: shown !== null && targetHost !== '' && !targetHost.endsWith(shown) && !shown.endsWith(targetHost),
    };
  });
  const attachments = parsed.attachments.map((a) => {
    const whole = !a.truncated && a.content.byteLength === a.size;
    return {
      path: a.path,
      filename: a.filename,
      declaredType: a.declaredType,
      detectedType: a.detectedType ? `${a.detectedType.mime} (.${a.detectedType.ext})` : null,
      size: a.size,
      sha256: a.sha256,
      sha1: whole ? createHash('sha1').update(a.content).digest('hex') : null,
      md5: whole ? createHash('md5').update(a.content).digest('hex') : null,
      depth: a.depth,
      encrypted: a.encrypted,
      truncated: a.truncated,
      findings: signals
        .filter((s) => s.evidence.some((e) => (a.filename && e.includes(a.filename)) || e.includes(a.path) || e.includes(a.sha256)))
        .map((s) => s.description),
    };
  });
  return {
    headers: parsed.headers.slice(0, MAX_HEADERS).map((h) => ({ name: h.key, value: h.value.slice(0, 4000) })),
    authentication: authenticationResults(headerValues('authentication-results')),
    links,
    attachments,
    preview: {
      html: parsed.html ? sanitiseForPreview(parsed.html.slice(0, MAX_PREVIEW_HTML)) : null,
      text: (parsed.text || parsed.htmlText).slice(0, MAX_TEXT),
    },
  };
}
