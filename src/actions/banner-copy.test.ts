import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { BANNER_MARKER_HEADER, buildBannerCopy } from './banner-copy.ts';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const original = Buffer.from(
  [
    'Received: from mx.example.net by mx.example.com;',
    '\tMon, 23 Nov 2026 10:00:00 +0000',
    'From: "Payroll" <payroll@example.net>',
    'To: dana@example.com',
    'Subject: Your payslip is ready',
    'Date: Mon, 23 Nov 2026 10:00:00 +0000',
    'Message-ID: <payslip-1@example.net>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="m"',
    '',
    '--m',
    'Content-Type: multipart/alternative; boundary="a"',
    '',
    '--a',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Open the attached payslip.',
    '--a',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body class="x"><p>Open the attached <b>payslip</b>.</p></body></html>',
    '--a--',
    '--m',
    'Content-Type: application/pdf; name="payslip.pdf"',
    'Content-Disposition: attachment; filename="payslip.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    PDF.toString('base64'),
    '--m--',
    '',
  ].join('\r\n'),
);

describe('warning banner copy', () => {
  it('keeps the header lines and the attachment, and puts the reasons at the top of both bodies', async () => {
    const copy = await buildBannerCopy({
      raw: original,
      messageId: '6f1c3a52-1d0e-4c43-9a51-8f8f0f6c2b11',
      verdictClass: 'suspicious',
      reasons: ['the sender domain was registered 3 days ago', 'a link shows one address and goes to <another>'],
    });
    const text = copy.toString('latin1');
    assert.ok(text.startsWith('Received: from mx.example.net by mx.example.com;\r\n\tMon, 23 Nov 2026 10:00:00 +0000\r\nFrom: "Payroll"'));
    assert.equal(/(?<!\r)\n/.test(text), false, 'CRLF line ends only (servers would rewrite bare LFs)');
    const parsed = await simpleParser(copy);
    assert.equal(parsed.subject, 'Your payslip is ready');
    assert.equal(parsed.messageId, '<payslip-1@example.net>');
    assert.equal(parsed.date?.toISOString(), '2026-11-23T10:00:00.000Z');
    assert.equal(parsed.headers.get(BANNER_MARKER_HEADER.toLowerCase()), '6f1c3a52-1d0e-4c43-9a51-8f8f0f6c2b11');
    assert.match(
      parsed.text ?? '',
      /^WARNING from Mailward: this message looks suspicious\.\nWhy:\n {2}- the sender domain was registered 3 days ago\n/,
    );
    assert.match(parsed.text ?? '', /Open the attached payslip\./);
    assert.match(String(parsed.html), /^<html><body class="x"><div[^>]*><strong>WARNING from Mailward/);
    assert.match(String(parsed.html), /goes to &#60;another&#62;/, 'reasons are escaped in html');
    assert.equal(parsed.attachments.length, 1);
    assert.equal(parsed.attachments[0].filename, 'payslip.pdf');
    assert.ok(parsed.attachments[0].content.equals(PDF));
  });
});
