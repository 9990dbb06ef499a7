import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

/**
 * The warning-banner copy of a message: a new MIME message with the original's header lines
 * (From, To, Subject, Date, Message-ID, Received...), its attachments and inline images, and a
 * banner in plain words at the top of the text and html bodies. The original's bytes stay in
 * Mailward's store, so the banner can be undone by putting the original back.
 */
export const BANNER_MARKER_HEADER = 'X-Mailward-Banner-Of';

export interface BannerInput {
  raw: Buffer;
  /** Mailward's id of the original message: the copy carries it in `X-Mailward-Banner-Of`. */
  messageId: string;
  verdictClass: string;
  reasons: string[];
}

// Content headers come from the rebuilt body; the rest of the original's header lines are kept as they were.
const REPLACED_HEADERS = new Set([
  'content-type',
  'content-transfer-encoding',
  'mime-version',
  'content-disposition',
  BANNER_MARKER_HEADER.toLowerCase(),
]);

function splitHead(raw: Buffer): { head: string; body: Buffer } {
  const text = raw.toString('latin1');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const end = crlf >= 0 && (lf < 0 || crlf <= lf) ? crlf + 4 : lf >= 0 ? lf + 2 : text.length;
  return { head: text.slice(0, end), body: raw.subarray(end) };
}

/** Header fields as their raw (possibly folded) lines, each with its lower-cased name. */
function headerFields(head: string): { name: string; lines: string }[] {
  const fields: { name: string; lines: string }[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1].lines += `\r\n${line}`;
    } else {
      fields.push({
        name: line
          .slice(0, Math.max(0, line.indexOf(':')))
          .trim()
          .toLowerCase(),
        lines: line,
      });
    }
  }
  return fields;
}

export function bannerText(verdictClass: string, reasons: string[]): string {
  const why = reasons.length > 0 ? reasons.slice(0, 5) : ['it matches patterns seen in harmful mail'];
  return [
    `WARNING from Mailward: this message looks ${verdictClass === 'spam' ? 'like spam' : 'suspicious'}.`,
    'Why:',
    ...why.map((reason) => `  - ${reason}`),
    'Do not click its links, open its attachments or reply with personal details unless you are sure who sent it.',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bannerHtml(verdictClass: string, reasons: string[]): string {
  const [title, , ...rest] = bannerText(verdictClass, reasons).split('\n');
  const advice = rest.pop() ?? '';
  const items = rest.map((line) => `<li>${escapeHtml(line.replace(/^\s*-\s*/, ''))}</li>`).join('');
  return (
    '<div style="border:2px solid #b00020;background:#fff4f4;color:#222;padding:10px;margin:0 0 12px 0;font-family:sans-serif">' +
    `<strong>${escapeHtml(title)}</strong><ul>${items}</ul><div>${escapeHtml(advice)}</div></div>`
  );
}

/** Puts the banner right after `<body ...>` when there is one, else in front. */
function withHtmlBanner(html: string, banner: string): string {
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return banner + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + banner + html.slice(at);
}

export async function buildBannerCopy(input: BannerInput): Promise<Buffer> {
  const parsed = await simpleParser(input.raw, { skipHtmlToText: true, skipTextLinks: true, skipTextToHtml: true });
  const text = bannerText(input.verdictClass, input.reasons);
  const html = typeof parsed.html === 'string' ? withHtmlBanner(parsed.html, bannerHtml(input.verdictClass, input.reasons)) : undefined;
  const composer = new MailComposer({
    text: `${text}\n\n${parsed.text ?? ''}`,
    html,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      cid: a.cid,
      contentDisposition: a.contentDisposition === 'inline' ? 'inline' : 'attachment',
    })),
  });
  const built = await new Promise<Buffer>((resolve, reject) =>
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message))),
  );
  const rebuilt = splitHead(built);
  const contentHeaders = headerFields(rebuilt.head).filter((f) => f.name === 'content-type' || f.name === 'content-transfer-encoding');
  const kept = headerFields(splitHead(input.raw).head).filter((f) => !REPLACED_HEADERS.has(f.name));
  const head = [
    ...kept.map((f) => f.lines),
    `${BANNER_MARKER_HEADER}: ${input.messageId}`,
    'MIME-Version: 1.0',
    ...contentHeaders.map((f) => f.lines),
  ].join('\r\n');
  // CRLF throughout: IMAP servers store bare LFs as CRLF, and the copy's hash must match what the server gives back.
  const body = rebuilt.body.toString('latin1').replace(/\r?\n/g, '\r\n');
  return Buffer.from(`${head}\r\n\r\n${body}`, 'latin1');
}
