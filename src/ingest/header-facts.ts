/**
 * The few header facts a message list needs (From, To, Subject, Message-ID, Date), read from the
 * header block only and never failing: ingest must store every message, including ones the
 * engine later calls unscannable. Full MIME parsing happens in the scan, not here.
 */
export interface HeaderFacts {
  from: string;
  fromName: string;
  to: string[];
  subject: string;
  messageIdHeader: string | null;
  sentAt: Date | null;
}

/** Header blocks beyond this are not read for list facts (the scan still sees the whole message). */
const MAX_HEADER_BYTES = 128 * 1024;
const MAX_FIELD_CHARS = 2000;

export function readHeaderFacts(raw: Uint8Array): HeaderFacts {
  const fields = headerFields(raw);
  const first = (name: string) => fields.find((f) => f.name === name)?.value;
  const from = parseAddresses(first('from') ?? '')[0] ?? { address: '', name: '' };
  const to = [...fields.filter((f) => f.name === 'to' || f.name === 'cc').flatMap((f) => parseAddresses(f.value))]
    .map((a) => a.address)
    .filter(Boolean);
  const date = first('date');
  const sentAt = date ? new Date(date) : null;
  const messageId = first('message-id')?.trim();
  return {
    from: from.address,
    fromName: from.name,
    to: [...new Set(to)].slice(0, 100),
    subject: clip(decodeWords(first('subject') ?? '').trim()),
    messageIdHeader: messageId ? clip(messageId) : null,
    sentAt: sentAt && !Number.isNaN(sentAt.getTime()) ? sentAt : null,
  };
}

function clip(value: string): string {
  return value.length > MAX_FIELD_CHARS ? value.slice(0, MAX_FIELD_CHARS) : value;
}

/** Header fields, lower-case names, folded lines joined. Stops at the first empty line. */
export function headerFields(raw: Uint8Array): Array<{ name: string; value: string }> {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, MAX_HEADER_BYTES)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = end >= 0 ? head.slice(0, end) : head;
  const fields: Array<{ name: string; value: string }> = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1].value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    // An mbox "From " line or garbage: skip it rather than fail.
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) continue;
    fields.push({ name: line.slice(0, colon).toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  // Header bytes were read as latin1; re-read them as UTF-8 where they are valid UTF-8 (RFC 6532).
  return fields.map((f) => ({ name: f.name, value: utf8IfValid(f.value) }));
}

function utf8IfValid(latin1: string): string {
  if (!/[\x80-\xff]/.test(latin1)) return latin1;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
}

/** RFC 2047 encoded words (`=?utf-8?B?...?=`); an unknown charset leaves the word as it was. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g, (word, charset: string, encoding: string, text: string) => {
      try {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : Buffer.from(
                text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
                'latin1',
              );
        return new TextDecoder(charset.replace(/\*.*$/, '').toLowerCase()).decode(bytes);
      } catch {
        return word;
      }
    });
}

/** `"Name" <a@b>, c@d, Group: e@f;` -> addresses (lower-case) with display names. Lenient by design. */
export function parseAddresses(value: string): Array<{ address: string; name: string }> {
  const out: Array<{ address: string; name: string }> = [];
  for (const part of splitOutsideQuotes(value.replace(/^[^:"<]*:(?=.*;\s*$)/, '').replace(/;\s*$/, ''))) {
    const angle = /<([^<>]*)>/.exec(part);
    if (angle) {
      const name = part
        .slice(0, angle.index)
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .replace(/\\(.)/g, '$1');
      out.push({ address: angle[1].trim().toLowerCase(), name: decodeWords(name) });
      continue;
    }
    const bare = /[^\s"<>()]+@[^\s"<>(),;]+/.exec(part);
    if (bare) out.push({ address: bare[0].toLowerCase(), name: '' });
  }
  return out;
}

function splitOutsideQuotes(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && quoted) {
      current += c + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '<') angle = true;
    else if (!quoted && c === '>') angle = false;
    if (c === ',' && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}
