import { randomUUID } from 'node:crypto';

/**
 * Test messages written for these tests (example domains only): a credential phish in the style
 * of a password-expiry notice, with an optional PDF attachment, and an ordinary colleague's note.
 * Each call makes a distinct message (its own Message-ID), unless one is given.
 */
export interface TestMessage {
  raw: Buffer;
  messageId: string;
  subject: string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export function phishMessage(to: string, options: { attachment?: boolean; messageId?: string; tag?: string } = {}): TestMessage {
  const messageId = options.messageId ?? `<${randomUUID()}@account-notice.example.net>`;
  const subject = `Action required: your password expires today${options.tag ? ` (${options.tag})` : ''}`;
  const local = to.split('@')[0];
  const alternative = [
    'Content-Type: multipart/alternative; boundary="=_alt"',
    '',
    '--=_alt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Dear ${local},`,
    '',
    `The password for your Microsoft 365 account ${to} expires today.`,
    'To keep using your mailbox, verify your account within 24 hours. Failure to do so will result',
    'in your account being suspended.',
    '',
    `Keep my current password: https://northwind-traders-example.web.app/o365/login?u=${local}`,
    '',
    'Microsoft 365 Team',
    '',
    '--=_alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body style="font-family:Segoe UI,Arial">',
    `<p>Dear ${local},</p>`,
    `<p>The password for your <b>Microsoft 365</b> account ${to} expires <b>today</b>.</p>`,
    '<p>To keep using your mailbox, verify your account within 24 hours. Failure to do so will result in your account being suspended.</p>',
    `<p><a href="https://northwind-traders-example.web.app/o365/login?u=${local}">https://login.microsoftonline.com/keep-password</a></p>`,
    '<p>Microsoft 365 Team</p>',
    '</body></html>',
    '',
    '--=_alt--',
  ];
  const headers = [
    'From: "Microsoft 365 Admin" <no-reply@account-notice.example.net>',
    `To: ${to}`,
    `Subject: ${subject}`,
    'Date: Mon, 23 Nov 2026 06:12:40 +0000',
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
  ];
  const body = options.attachment
    ? [
        'Content-Type: multipart/mixed; boundary="=_mix"',
        '',
        '--=_mix',
        ...alternative,
        '',
        '--=_mix',
        'Content-Type: application/pdf; name="password-policy.pdf"',
        'Content-Disposition: attachment; filename="password-policy.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        PDF.toString('base64'),
        '',
        '--=_mix--',
      ]
    : alternative;
  return { raw: Buffer.from(`${[...headers, ...body].join('\r\n')}\r\n`), messageId, subject };
}

export const ATTACHMENT_BYTES = PDF;

export function colleagueMessage(to: string, options: { messageId?: string; subject?: string } = {}): TestMessage {
  const messageId = options.messageId ?? `<${randomUUID()}@example.com>`;
  const subject = options.subject ?? 'Notes from Thursday planning';
  const raw = [
    'From: "Priya Shah" <priya.shah@example.com>',
    `To: ${to}`,
    `Subject: ${subject}`,
    'Date: Mon, 23 Nov 2026 09:30:00 +0000',
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hi,',
    '',
    'Thanks for joining on Thursday. I have put the notes in the team folder; the next step is',
    'the budget review with finance on the 3rd. Could you check the figures for the second quarter',
    'before then?',
    '',
    'Priya',
    '',
  ].join('\r\n');
  return { raw: Buffer.from(raw), messageId, subject };
}
