/**
 * A simulated message and its rendering as the receiving provider delivers it (RFC 5322):
 * the provider's Authentication-Results and Received fields on top, then the sender's fields.
 */
import type { Infra } from './organisation.ts';

export interface Mailbox {
  name: string;
  address: string;
}

export interface SimMessage {
  /** Sending instant. */
  at: number;
  /** Sender's UTC offset in hours, for the Date field. */
  tz: number;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  replyTo?: Mailbox;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  infra: Infra;
  mailer?: string;
  listUnsubscribe?: string;
  /** Output folder: `history`, `ham`, or the attack kind. */
  set: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in the sender's own zone: `Tue, 06 Jan 2026 09:14:07 +0100`. */
export function rfc5322Date(at: number, tz: number): string {
  const local = new Date(at + tz * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = tz < 0 ? '-' : '+';
  const offset = `${sign}${two(Math.abs(Math.trunc(tz)))}${two(Math.round((Math.abs(tz) % 1) * 60))}`;
  return `${DAYS[local.getUTCDay()]}, ${two(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ${offset}`;
}

function encodeWord(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?utf-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function mailbox(m: Mailbox): string {
  if (!m.name) return `<${m.address}>`;
  const name = encodeWord(m.name);
  return name === m.name && /[,.;:()<>@"]/.test(m.name) ? `"${m.name}" <${m.address}>` : `${name} <${m.address}>`;
}

function authResults(message: SimMessage, authservId: string): string {
  const { infra } = message;
  const fromDomain = message.from.address.split('@')[1];
  const mailFrom = message.from.address;
  if (infra.dmarc === 'fail') {
    return `${authservId}; dkim=none (message not signed) header.d=none; spf=softfail (${authservId}: domain of transitioning ${mailFrom} does not designate ${infra.ip} as permitted sender) smtp.mailfrom=${mailFrom}; dmarc=fail (p=QUARANTINE sp=QUARANTINE dis=QUARANTINE) header.from=${fromDomain}`;
  }
  const dkim = infra.dkimDomain ? `dkim=pass header.d=${infra.dkimDomain} header.s=selector1` : 'dkim=none (message not signed)';
  const dmarc =
    infra.dmarc === 'pass' ? `dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=${fromDomain}` : `dmarc=none header.from=${fromDomain}`;
  return `${authservId}; ${dkim}; spf=pass (${authservId}: domain of ${mailFrom} designates ${infra.ip} as permitted sender) smtp.mailfrom=${mailFrom}; ${dmarc}`;
}

function fold(name: string, value: string): string {
  const line = `${name}: ${value}`;
  if (line.length <= 78) return line;
  const words = line.split(' ');
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + word.length + 1 > 76) {
      out.push(current);
      current = ` ${word}`;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return out.join('\r\n');
}

/** The message as delivered to the organisation's mailbox provider. */
export function renderMessage(message: SimMessage, authservId: string, queueId: string): string {
  const received = new Date(message.at + 2000 + (queueId.charCodeAt(0) % 20) * 1000);
  const via = message.infra.rdns
    ? `${message.infra.rdns} (${message.infra.rdns} [${message.infra.ip}])`
    : `${message.infra.helo} ([${message.infra.ip}])`;
  const rcpt = message.to[0]?.address ?? message.from.address;
  const headers = [
    fold('Authentication-Results', authResults(message, authservId)),
    fold('Received', `from ${via} by ${authservId} with ESMTPS id ${queueId} for <${rcpt}>; ${rfc5322Date(received.getTime(), 0)}`),
    fold('From', mailbox(message.from)),
  ];
  if (message.to.length > 0) headers.push(fold('To', message.to.map(mailbox).join(', ')));
  if (message.cc.length > 0) headers.push(fold('Cc', message.cc.map(mailbox).join(', ')));
  if (message.replyTo) headers.push(fold('Reply-To', mailbox(message.replyTo)));
  headers.push(fold('Subject', encodeWord(message.subject)));
  headers.push(`Date: ${rfc5322Date(message.at, message.tz)}`);
  headers.push(`Message-ID: <${message.messageId}>`);
  if (message.inReplyTo) headers.push(`In-Reply-To: <${message.inReplyTo}>`);
  if (message.references.length > 0) headers.push(fold('References', message.references.map((r) => `<${r}>`).join(' ')));
  if (message.mailer) headers.push(`X-Mailer: ${message.mailer}`);
  if (message.listUnsubscribe) {
    headers.push(`List-Unsubscribe: <${message.listUnsubscribe}>`);
    headers.push('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    headers.push('Precedence: bulk');
  }
  headers.push('MIME-Version: 1.0');
  const text = message.text.replace(/\r?\n/g, '\r\n');
  if (!message.html) {
    headers.push('Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: 8bit');
    return `${headers.join('\r\n')}\r\n\r\n${text}\r\n`;
  }
  const boundary = `=_part_${queueId}`;
  headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
  const html = message.html.replace(/\r?\n/g, '\r\n');
  return [
    headers.join('\r\n'),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    `--${boundary}`,
    'Content-Type: text/html; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    html,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
