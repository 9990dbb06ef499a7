import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { deceptiveHostDetector } from './deceptive-host.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.deceptive-host', () => {
  it('flags mixed-script and whole-script look-alike hosts', async () => {
    const hits = await runDetector(deceptiveHostDetector, readFixture('homoglyph-and-org-lookalike'));
    assert.deepEqual(hits.get('URL_MIXED_SCRIPT_HOST')?.evidence, ['xn--pypal-4ve.com (p\u0430ypal.com)']);
    assert.deepEqual(hits.get('URL_CONFUSABLE_HOST')?.evidence, ['xn--80ak6aa92e.com (\u0430\u0440\u0440\u04cf\u0435.com)']);
    assert.equal(hits.get('URL_PUNYCODE_HOST')?.evidence.length, 2);
  });

  it('gives genuine international names only the weak punycode signal', async () => {
    const hits = await runDetector(
      deceptiveHostDetector,
      htmlMessage('<a href="https://www.müller-bäckerei.de/">Bäckerei</a> <a href="https://пример.рф/">пример</a>'),
    );
    assert.deepEqual([...hits.keys()], ['URL_PUNYCODE_HOST']);
  });

  it('stays quiet on ASCII hosts', async () => {
    const hits = await runDetector(deceptiveHostDetector, readFixture('newsletter-click-tracking'));
    assert.equal(hits.size, 0);
  });
});
