import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { bodyEncodingDetector } from './body-encoding.ts';

function base64Message(body: string): string {
  const encoded = Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    'From: Sender <a@sender.example>',
    'To: b@northwind-traders.test',
    'Subject: Hello',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="zz"',
    '',
    '--zz',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    encoded,
    '--zz--',
    '',
  ].join('\r\n');
}

describe('structure.body-encoding', () => {
  it('flags a short ASCII text part sent as base64', async () => {
    const hits = await runDetector(
      bodyEncodingDetector,
      base64Message('Your account is on hold. Confirm your details at the link below today.'),
    );
    assert.deepEqual(hits.get('STRUCT_BASE64_ASCII_BODY')?.evidence, ['text/plain, 70 bytes of ASCII in base64']);
  });

  it('stays quiet when the text needs base64 (non-ASCII) or is large', async () => {
    const accented = await runDetector(bodyEncodingDetector, base64Message('Grüße aus München, bis nächste Woche beim Treffen im Büro.'));
    assert.equal(accented.size, 0);
    const large = await runDetector(bodyEncodingDetector, base64Message('A long ordinary newsletter paragraph. '.repeat(1000)));
    assert.equal(large.size, 0);
  });
});
