import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage } from './parse.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseMessage', () => {
  it('reads addresses, subject and every link with its visible text', async () => {
    const m = await parseMessage(
      enc(
        'From: "Acme Billing" <Billing@Acme.example>\r\nReply-To: pay@other.example\r\nTo: Bob <bob@corp.example>\r\nSubject: =?UTF-8?Q?Invoice_=E2=82=AC20?=\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
          '<p>Pay <a href="https://pay.other.example/x">https://acme.example/pay</a></p><img src="https://cdn.example/p.png"><style>.x{}</style><script>var a=1</script>',
      ),
    );
    assert.deepEqual(m.from, { name: 'Acme Billing', address: 'billing@acme.example', domain: 'acme.example' });
    assert.equal(m.replyTo[0].domain, 'other.example');
    assert.equal(m.subject, 'Invoice €20');
    assert.equal(m.text, 'Pay https://acme.example/pay');
    assert.deepEqual(
      m.links.map((l) => [l.host, l.text, l.kind]),
      [
        ['pay.other.example', 'https://acme.example/pay', 'anchor'],
        ['cdn.example', '', 'image'],
      ],
    );
  });

  it('finds bare URLs in plain text and keeps punycode hosts as written', async () => {
    const m = await parseMessage(
      enc('From: a@b.example\r\nSubject: x\r\n\r\nSee https://xn--pypal-4ve.example/login, or www.example.org/help.\r\n'),
    );
    assert.deepEqual(
      m.links.map((l) => [l.href, l.host]),
      [
        ['https://xn--pypal-4ve.example/login', 'xn--pypal-4ve.example'],
        ['www.example.org/help', 'www.example.org'],
      ],
    );
  });

  it('opens attached messages and tags their links as nested', async () => {
    const inner = 'From: x@evil.example\r\nSubject: inner\r\n\r\nhttps://evil.example/login\r\n';
    const raw =
      'From: a@b.example\r\nSubject: fwd\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n' +
      `--b1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename="orig.eml"\r\n\r\n${inner}--b1--\r\n`;
    const m = await parseMessage(enc(raw));
    assert.equal(m.nested.length, 1);
    assert.equal(m.nested[0].subject, 'inner');
    assert.deepEqual(
      m.links.map((l) => [l.host, l.source]),
      [['evil.example', 'nested']],
    );
  });

  it('accepts an mbox From_ line and rejects input that is not email', async () => {
    const m = await parseMessage(enc('From someone@example.com Mon Jan  1 00:00:00 2024\nSubject: mbox\n\nbody\n'));
    assert.equal(m.subject, 'mbox');
    await assert.rejects(parseMessage(enc('%PDF-1.7 binary')), { code: 'INPUT_NOT_EMAIL' });
  });

  it('refuses messages with more parts than the limit', async () => {
    const parts = Array.from({ length: 30 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('');
    const raw = `From: a@b.example\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`;
    const { DEFAULT_MIME_LIMITS } = await import('./limits.ts');
    await assert.rejects(parseMessage(enc(raw), { ...DEFAULT_MIME_LIMITS, maxParts: 10 }), { code: 'MIME_LIMIT_EXCEEDED' });
  });
});

describe('html view', () => {
  it('reads image alt text as visible text and as the text of a linked image', async () => {
    const m = await parseMessage(
      enc(
        'From: a@example.com\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n<p>Hello</p><a href="https://x.example.net/"><img src="https://cdn.example.net/b.png" alt="Sign in now"></a>',
      ),
    );
    assert.equal(m.text, 'Hello\nSign in now');
    assert.equal(m.links[0].text, 'Sign in now');
  });
});
