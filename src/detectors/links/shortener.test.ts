import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { shortenerDetector, shortenerKind } from './shortener.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.shortener', () => {
  it('flags links through public URL shorteners', async () => {
    const hits = await runDetector(shortenerDetector, readFixture('redirect-and-shortener'));
    assert.deepEqual(hits.get('URL_SHORTENER'), { id: 'URL_SHORTENER', evidence: ['https://bit.ly/3xYzAbc'] });
  });

  it("weighs a brand's own shortener less", async () => {
    const hits = await runDetector(shortenerDetector, readFixture('internal-it-notice'));
    assert.equal(hits.get('URL_SHORTENER')?.factor, 0.25);
  });

  it('ignores a shortener home page without a short code', async () => {
    const hits = await runDetector(
      shortenerDetector,
      htmlMessage('<a href="https://bitly.com/">Bitly</a> <a href="https://tinyurl.com">TinyURL</a>'),
    );
    assert.equal(hits.size, 0);
  });

  it('knows shortener domains', () => {
    assert.equal(shortenerKind('bit.ly', 'bit.ly'), 'public');
    assert.equal(shortenerKind('aka.ms', 'aka.ms'), 'brand');
    assert.equal(shortenerKind('www.example.com', 'example.com'), undefined);
  });
});
