import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { errorMessage, MailwardError } from '../core/errors.ts';
import { expandAttachments, type RawPart } from './attachments.ts';
import { normaliseText, viewHtml } from './html.ts';
import { DEFAULT_MIME_LIMITS, type MimeLimits } from './limits.ts';
import { linksInText } from './links.ts';
import type { Address, Link, ParsedMessage } from './types.ts';

/**
 * Raw bytes -> ParsedMessage, through mailparser (nodemailer's parser: charsets via iconv-lite,
 * tolerant of broken structure), within `limits`. mailparser's own html-to-text and link
 * conversion are off: our html view does that once, with link texts.
 * Throws MailwardError(MIME_LIMIT_EXCEEDED | MIME_PARSE_FAILED | INPUT_NOT_EMAIL) when the
 * message cannot be read at all; oddities that still parse become `anomalies`.
 */
export async function parseMessage(raw: Uint8Array, limits: MimeLimits = DEFAULT_MIME_LIMITS, depth = 0): Promise<ParsedMessage> {
  if (raw.length > limits.maxBytes) {
    throw new MailwardError('MIME_LIMIT_EXCEEDED', `message is ${raw.length} bytes, over the ${limits.maxBytes}-byte limit`);
  }
  const bytes = stripMboxLine(raw);
  if (!looksLikeMessage(bytes)) {
    throw new MailwardError('INPUT_NOT_EMAIL', 'not an email message: no header fields at the start of the input');
  }
  const partCount = countParts(bytes);
  if (partCount > limits.maxParts) {
    throw new MailwardError('MIME_LIMIT_EXCEEDED', `message has ${partCount} MIME parts, over the limit of ${limits.maxParts}`);
  }

  let email: ParsedMail;
  try {
    email = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      maxHtmlLengthToParse: limits.maxHtmlChars,
    });
  } catch (error) {
    const limit = /nesting|too large|exceed/i.test(errorMessage(error));
    throw new MailwardError(limit ? 'MIME_LIMIT_EXCEEDED' : 'MIME_PARSE_FAILED', `cannot parse MIME: ${errorMessage(error)}`, {
      cause: error,
    });
  }

  const anomalies: string[] = [];
  const html = typeof email.html === 'string' ? email.html : '';
  const htmlView = html ? viewHtml(html, limits.maxHtmlChars) : undefined;
  if (html.length > limits.maxHtmlChars) anomalies.push(`html body over ${limits.maxHtmlChars} characters: only the start was read`);
  const plain = email.text ?? '';
  const text = plain.trim() ? normaliseText(plain) : (htmlView?.text ?? '');

  const parts: RawPart[] = [];
  const nestedRaw: Uint8Array[] = [];
  for (const a of email.attachments) {
    const content = new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength);
    const type = (a.contentType ?? '').toLowerCase();
    if (type === 'message/rfc822' || type === 'message/global') nestedRaw.push(content);
    parts.push({
      filename: a.filename ?? '',
      declaredType: type,
      disposition: a.contentDisposition === 'attachment' ? 'attachment' : a.contentDisposition === 'inline' ? 'inline' : '',
      contentId: a.cid ?? '',
      content,
    });
  }

  const nested: ParsedMessage[] = [];
  if (depth < limits.maxMessageDepth) {
    for (const inner of nestedRaw) {
      try {
        nested.push(await parseMessage(inner, limits, depth + 1));
      } catch (error) {
        anomalies.push(`attached message could not be read: ${errorMessage(error)}`);
      }
    }
  } else if (nestedRaw.length > 0) {
    anomalies.push(`attached messages nested deeper than ${limits.maxMessageDepth} levels were not opened`);
  }

  const links = mergeLinks(htmlView?.links ?? [], linksInText(plain, 'text'), nested);
  const headers = email.headerLines.map((h) => ({ key: h.key, value: unfold(h.line.slice(h.line.indexOf(':') + 1)) }));
  // mailparser fills in "now" when Date is missing or unreadable; a sender's missing date must stay missing.
  const dateHeader = headers.find((h) => h.key === 'date')?.value;
  const date = dateHeader && email.date && !isFilledInNow(email.date, dateHeader) ? email.date : undefined;
  const references = Array.isArray(email.references) ? email.references : (email.references ?? '').split(/\s+/);

  return {
    headers,
    from: firstAddress(email.from),
    sender: firstAddress(email.headers.get('sender') as AddressObject | undefined),
    replyTo: flatten(email.replyTo),
    to: flatten(email.to),
    cc: flatten(email.cc),
    returnPath: returnPathOf(headers),
    subject: email.subject ?? '',
    messageId: email.messageId ?? '',
    inReplyTo: email.inReplyTo ?? '',
    references: references.filter(Boolean),
    date,
    text,
    html,
    htmlText: htmlView?.text ?? '',
    htmlTokens: htmlView?.tokens,
    links,
    forms: htmlView?.forms ?? [],
    attachments: await expandAttachments(parts, limits),
    nested,
    partCount,
    anomalies,
  };
}

/** Links from html first (they carry visible text), then text-part URLs not already seen, then nested messages'. */
function mergeLinks(fromHtml: Link[], fromText: Link[], nested: ParsedMessage[]): Link[] {
  const seen = new Set(fromHtml.map((l) => l.href));
  const links = [...fromHtml];
  for (const link of fromText) {
    if (!seen.has(link.href)) {
      seen.add(link.href);
      links.push(link);
    }
  }
  for (const inner of nested) {
    for (const link of inner.links) links.push({ ...link, source: 'nested' });
  }
  return links;
}

/** True when mailparser could not read the Date header and substituted the current time. */
function isFilledInNow(date: Date, header: string): boolean {
  if (Number.isNaN(date.getTime())) return true;
  return Number.isNaN(Date.parse(header)) && Math.abs(date.getTime() - Date.now()) < 5000;
}

/** Header values as written, folding removed (RFC 5322 2.2.3), encoded words left as they are. */
function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '').trim();
}

function returnPathOf(headers: { key: string; value: string }[]): string {
  const value = headers.find((h) => h.key === 'return-path')?.value ?? '';
  return (/<([^>]*)>/.exec(value)?.[1] ?? value).trim().toLowerCase();
}

function flatten(field: AddressObject | AddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  for (const object of Array.isArray(field) ? field : field ? [field] : []) {
    for (const entry of object.value) {
      if (entry.group) {
        for (const member of entry.group) out.push(toAddress(member.name, member.address));
      } else {
        out.push(toAddress(entry.name, entry.address));
      }
    }
  }
  return out;
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): Address | undefined {
  return flatten(field)[0];
}

function toAddress(name: string | undefined, address: string | undefined): Address {
  const addr = (address ?? '').trim().toLowerCase();
  const at = addr.lastIndexOf('@');
  return { name: (name ?? '').trim(), address: addr, domain: at >= 0 ? addr.slice(at + 1).replace(/[>\]]+$/, '') : '' };
}

/** Drop a leading mbox `From ` separator line (mbox files and the SpamAssassin corpus carry one). */
export function stripMboxLine(raw: Uint8Array): Uint8Array {
  if (raw[0] === 0x46 && raw[1] === 0x72 && raw[2] === 0x6f && raw[3] === 0x6d && raw[4] === 0x20) {
    const end = raw.indexOf(0x0a);
    return end < 0 ? new Uint8Array(0) : raw.subarray(end + 1);
  }
  return raw;
}

/** A message starts with a header field (`Name: value`), possibly after blank lines. */
function looksLikeMessage(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).replace(/^[\r\n]+/, '');
  return /^[!-9;-~]{1,76}:/.test(head);
}

/** Counts Content-Type fields at line starts: a cheap upper bound on the MIME parts before parsing. */
function countParts(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const matches = text.match(/^content-type:/gim);
  return Math.max(1, matches?.length ?? 0);
}
