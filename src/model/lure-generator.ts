import { FOOTERS, GREETINGS, type Language, type LureKind, type LurePhrases, SIGN_OFFS } from './lure-phrases.ts';
import { ENGLISH_LURES } from './lure-phrases-en.ts';
import { OTHER_LURES } from './lure-phrases-other.ts';
import {
  BRANDS,
  CARDS,
  COUNTRIES,
  CURRENCIES,
  DOCS,
  FIRST,
  FREEMAIL,
  HOSTING,
  KINDS_BY_BRANDS,
  LAST,
  MONTHS,
  PERSONAL_KINDS,
  PRODUCTS,
  SERVICES,
  SHORTENERS,
  SYLLABLES,
  TLDS,
} from './lure-vocabulary.ts';
import { pick, seededRandom } from './prng.ts';

/**
 * Writes realistic lure messages (full RFC 822 with headers, text or html, links and sometimes
 * an attachment) from the project's own phrase lists, so the shipped model can learn what lures
 * look like without training on corpora whose licence forbids it. Seeded: the same seed gives
 * the same messages. Hosts are made-up names on a spread of top-level domains and hosting
 * platforms, as throwaway phishing infrastructure is.
 */

export interface GeneratedLure {
  kind: LureKind;
  language: Language;
  raw: Uint8Array;
}

export function generateLures(count: number, seed: number): GeneratedLure[] {
  const random = seededRandom(seed);
  const out: GeneratedLure[] = [];
  const languages = Object.keys(GREETINGS) as Language[];
  for (let i = 0; i < count; i++) {
    // About 70% English, the rest spread over the other languages.
    const language: Language = random() < 0.7 ? 'en' : pick(languages.slice(1), random);
    const available = language === 'en' ? ENGLISH_LURES : OTHER_LURES[language];
    const kind = pick(Object.keys(available) as LureKind[], random);
    const phrases = available[kind] as LurePhrases;
    out.push({ kind, language, raw: new TextEncoder().encode(writeLure(kind, language, phrases, random)) });
  }
  return out;
}

function writeLure(kind: LureKind, language: Language, phrases: LurePhrases, random: () => number): string {
  const personal = PERSONAL_KINDS.has(kind);
  const brand = pick(BRANDS[KINDS_BY_BRANDS[kind] ?? 'credential'], random);
  const recipientFirst = pick(FIRST, random);
  const recipientLast = pick(LAST, random);
  const orgDomain = `${word(random, 2)}.${pick(['com', 'org', 'net', 'de', 'co.uk', 'fr', 'nl'], random)}`;
  const recipient = `${recipientFirst.toLowerCase()}.${recipientLast.toLowerCase().replace(/ü/g, 'u')}@${orgDomain}`;
  const senderName = `${pick(FIRST, random)} ${pick(LAST, random)}`;
  const slots: Record<string, string> = {
    brand,
    recipient: `${recipientFirst} ${recipientLast}`,
    first: recipientFirst,
    email: recipient,
    sender: senderName,
    year: String(2019 + Math.floor(random() * 8)),
    street: `${10 + Math.floor(random() * 900)} ${pick(['Market St', 'Main Street', 'Harbour Road', 'Rue de la Paix', 'Hauptstraße'], random)}`,
    ref: `${pick(['INV', 'PO', 'REF', 'TRK', 'CASE', '#', ''], random)}${Math.floor(random() * 1e7)}`,
    hours: String(pick([12, 24, 48, 72], random)),
    days: String(1 + Math.floor(random() * 7)),
    date: `${MONTHS[Math.floor(random() * 12)]} ${1 + Math.floor(random() * 28)}`,
    month: MONTHS[Math.floor(random() * 12)],
    amount: (100 + random() * 49_000).toFixed(pick([0, 2], random)),
    small: (1 + random() * 9).toFixed(2),
    currency: pick(CURRENCIES, random),
    country: pick(COUNTRIES, random),
    count: String(2 + Math.floor(random() * 20)),
    card: pick(CARDS, random),
    size: `${pick([2, 5, 10, 50], random)}GB`,
    phone: `+1 (${200 + Math.floor(random() * 700)}) ${100 + Math.floor(random() * 900)}-${1000 + Math.floor(random() * 9000)}`,
    duration: `0:${10 + Math.floor(random() * 49)}`,
    doc: pick(DOCS, random),
    service: pick(SERVICES, random),
    product: pick(PRODUCTS, random),
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? key);

  const subject = fill(pick(phrases.subjects, random));
  const paragraphs = [
    fill(pick(phrases.openings, random)),
    random() < 0.7 ? fill(pick(phrases.pretexts, random)) : '',
    fill(pick(phrases.requests, random)),
    random() < 0.75 ? fill(pick(phrases.pressure, random)) : '',
  ].filter(Boolean);
  if (random() < 0.3) paragraphs.splice(2, 0, fill(pick(phrases.requests, random)));
  const greeting = fill(pick(GREETINGS[language], random));
  const signOff = fill(personal ? senderName.split(' ')[0] : pick(SIGN_OFFS[language], random));
  const link = personal && random() < 0.85 ? undefined : lureLink(brand, random);
  const action = phrases.actions.length > 0 ? fill(pick(phrases.actions, random)) : 'Click here';
  const footer = personal ? '' : fill(pick(FOOTERS, random));

  const fromAddress = personal ? personalSender(senderName, orgDomain, random) : brandSender(brand, random);
  const fromName = personal
    ? senderName
    : pick([brand, `${brand} Support`, `${brand} Security`, `${brand} Team`, 'Customer Service', 'Notification', `no-reply`], random);
  const html = !personal && random() < 0.75;
  const headers = [
    `From: ${quoteName(fromName)} <${fromAddress}>`,
    `To: ${random() < 0.8 ? `${quoteName(slots.recipient)} <${recipient}>` : recipient}`,
    `Subject: ${encodeSubject(subject)}`,
    `Date: ${randomDate(random)}`,
    `Message-ID: <${word(random, 3)}${Math.floor(random() * 1e9)}@${fromAddress.split('@')[1]}>`,
    'MIME-Version: 1.0',
  ];
  if (personal && random() < 0.5)
    headers.push(`Reply-To: <${senderName.split(' ')[0].toLowerCase()}.${word(random, 1)}@${pick(FREEMAIL, random)}>`);
  if (random() < 0.3)
    headers.push(`X-Mailer: ${pick(['PHPMailer 6.5.0', 'Microsoft Outlook 16.0', 'Apple Mail (2.3654)', 'Foxmail 7.2'], random)}`);

  const text = [greeting, '', ...paragraphs.flatMap((p) => [p, '']), link ? `${action}: ${link}` : '', '', signOff, '', footer]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\r\n');
  const htmlBody = html ? lureHtml(greeting, paragraphs, link, action, signOff, footer, brand, random) : '';
  const attachment = !personal && random() < 0.15 ? lureAttachment(kind, slots, link, random) : undefined;
  return assemble(headers, text, htmlBody, attachment, random);
}

function lureLink(brand: string, random: () => number): string {
  const brandToken = brand.toLowerCase().replace(/[^a-z0-9]/g, '');
  const roll = random();
  let host: string;
  if (roll < 0.25) host = `${random() < 0.5 ? `${brandToken}-` : ''}${word(random, 2)}.${pick(HOSTING, random)}`;
  else if (roll < 0.35) host = pick(SHORTENERS, random);
  else if (roll < 0.42)
    host = `${1 + Math.floor(random() * 222)}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${1 + Math.floor(random() * 254)}`;
  else if (roll < 0.65)
    host = `${brandToken}-${pick(['secure', 'login', 'verify', 'account', 'support', 'update', 'service'], random)}.${word(random, 1)}.${pick(TLDS, random)}`;
  else
    host = `${random() < 0.4 ? `${pick(['www', 'login', 'secure', 'portal', 'app', 'm'], random)}.` : ''}${word(random, 2 + Math.floor(random() * 2))}.${pick(TLDS, random)}`;
  const path = pick(
    [
      '/',
      '/login',
      '/verify',
      `/${word(random, 3)}/`,
      `/${word(random, 2)}/index.php`,
      `/?id=${Math.floor(random() * 1e9).toString(36)}`,
      `/wp-content/${word(random, 2)}/`,
      `/s/${Math.floor(random() * 1e12).toString(36)}`,
      '/auth/signin',
      `#${word(random, 1)}@example.com`,
    ],
    random,
  );
  return `${random() < 0.85 ? 'https' : 'http'}://${host}${path}`;
}

function brandSender(brand: string, random: () => number): string {
  const local = pick(
    ['no-reply', 'noreply', 'support', 'security', 'info', 'service', 'alert', 'billing', 'admin', word(random, 2)],
    random,
  );
  const roll = random();
  if (roll < 0.3) return `${local}@${brand.toLowerCase().replace(/[^a-z0-9]/g, '')}-${word(random, 1)}.${pick(TLDS, random)}`;
  if (roll < 0.45) return `${word(random, 2)}${Math.floor(random() * 100)}@${pick(FREEMAIL, random)}`;
  return `${local}@${word(random, 2)}.${pick(TLDS, random)}`;
}

function personalSender(name: string, orgDomain: string, random: () => number): string {
  const [first, last] = name.toLowerCase().replace(/ü/g, 'u').split(' ');
  const roll = random();
  if (roll < 0.5) return `${first}.${last}${random() < 0.5 ? Math.floor(random() * 100) : ''}@${pick(FREEMAIL, random)}`;
  if (roll < 0.8) return `${first}.${last}@${orgDomain.replace(/\.(\w+)$/, `-${pick(['mail', 'corp', 'group', 'inc'], random)}.$1`)}`;
  return `${first[0]}${last}@${word(random, 2)}.${pick(TLDS, random)}`;
}

function lureHtml(
  greeting: string,
  paragraphs: string[],
  link: string | undefined,
  action: string,
  signOff: string,
  footer: string,
  brand: string,
  random: () => number,
): string {
  const colour = pick(['#0078d4', '#d40511', '#ffcc00', '#003087', '#e50914', '#1a73e8', '#4d148c', '#351c15'], random);
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const button = link
    ? pick(
        [
          `<p><a href="${link}" style="background:${colour};color:#fff;padding:10px 20px;text-decoration:none">${escapeHtml(action)}</a></p>`,
          `<table><tr><td bgcolor="${colour}"><a href="${link}" style="color:#ffffff">${escapeHtml(action)}</a></td></tr></table>`,
          `<p>${escapeHtml(action)}: <a href="${link}">${escapeHtml(pick([link, `https://www.${brand.toLowerCase().replace(/[^a-z0-9]/g, '')}.com/account`, 'here'], random))}</a></p>`,
        ],
        random,
      )
    : '';
  const logo =
    random() < 0.4 ? `<img src="https://${word(random, 2)}.${pick(TLDS, random)}/logo.png" alt="${escapeHtml(brand)}" width="120">` : '';
  return [
    '<html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif">',
    `<div style="max-width:600px;margin:auto">${logo}`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    button,
    `<p>${escapeHtml(signOff).replace(/\n/g, '<br>')}</p>`,
    footer ? `<p style="font-size:11px;color:#888">${escapeHtml(footer)}</p>` : '',
    '</div></body></html>',
  ].join('\r\n');
}

export interface LureAttachment {
  filename: string;
  contentType: string;
  content: string;
}

function lureAttachment(kind: LureKind, slots: Record<string, string>, link: string | undefined, random: () => number): LureAttachment {
  const name =
    kind === 'invoice'
      ? `Invoice_${slots.ref}`
      : kind === 'voicemail'
        ? `VM_${slots.duration.replace(':', '')}`
        : pick(['Document', 'Scan', 'Secure_Message', 'Payment'], random);
  if (random() < 0.6) {
    const form = `<html><body><h3>${slots.brand}</h3><form action="${link ?? `https://${word(random, 2)}.${pick(TLDS, random)}/post.php`}" method="post"><input name="email" value="${slots.email}"><input type="password" name="pass"><button>Sign in</button></form></body></html>`;
    return { filename: `${name}.${pick(['html', 'htm', 'shtml'], random)}`, contentType: 'text/html', content: form };
  }
  return {
    filename: `${name}.pdf`,
    contentType: 'application/pdf',
    content: `%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /URI /URI (${link ?? 'https://example.test/'}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  };
}

export function assemble(
  headers: string[],
  text: string,
  html: string,
  attachment: LureAttachment | undefined,
  random: () => number,
): string {
  const boundary = `----=_Part_${Math.floor(random() * 1e9)}_${Math.floor(random() * 1e9)}`;
  const textPart = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text].join('\r\n');
  const htmlPart = ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', html].join('\r\n');
  let body: string;
  if (!html && !attachment) body = textPart;
  else if (html && !attachment && random() < 0.35) body = htmlPart;
  else {
    const alternative = html
      ? [
          `Content-Type: multipart/alternative; boundary="${boundary}alt"`,
          '',
          `--${boundary}alt`,
          textPart,
          `--${boundary}alt`,
          htmlPart,
          `--${boundary}alt--`,
        ].join('\r\n')
      : textPart;
    if (!attachment) body = alternative;
    else {
      const encoded = Buffer.from(attachment.content).toString('base64').replace(/.{76}/g, '$&\r\n');
      const filePart = [
        `Content-Type: ${attachment.contentType}; name="${attachment.filename}"`,
        `Content-Disposition: attachment; filename="${attachment.filename}"`,
        'Content-Transfer-Encoding: base64',
        '',
        encoded,
      ].join('\r\n');
      body = [
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        alternative,
        `--${boundary}`,
        filePart,
        `--${boundary}--`,
      ].join('\r\n');
    }
  }
  return `${headers.join('\r\n')}\r\n${body}\r\n`;
}

export function word(random: () => number, syllables: number): string {
  let out = '';
  for (let i = 0; i < syllables; i++) out += pick(SYLLABLES, random);
  return out;
}

export function quoteName(name: string): string {
  return /^[\w .-]+$/.test(name) ? name : `"${name.replace(/"/g, '')}"`;
}

export function encodeSubject(subject: string): string {
  return /^[\x20-\x7e]*$/.test(subject) ? subject : `=?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`;
}

export function randomDate(random: () => number): string {
  const ms = Date.UTC(2019, 0, 1) + random() * (Date.UTC(2026, 10, 1) - Date.UTC(2019, 0, 1));
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}
