import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { addressInFragmentDetector, fragmentHoldsAddress } from './address-in-fragment.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.address-in-fragment', () => {
  it('flags an address after # in a link, plain or base64', async () => {
    const encoded = Buffer.from('robin.hale@northwind-traders.test').toString('base64');
    const hits = await runDetector(
      addressInFragmentDetector,
      htmlMessage(
        `<a href="https://cdn-docs.example/auth/index.html#robin.hale@northwind-traders.test">open</a> <a href="https://files.example/v#${encoded}">view</a>`,
      ),
    );
    assert.equal(hits.get('URL_ADDRESS_IN_FRAGMENT')?.evidence.length, 2);
  });

  it('ignores addresses in the query and ordinary fragments', async () => {
    const hits = await runDetector(
      addressInFragmentDetector,
      htmlMessage(
        '<a href="https://shop.example/unsubscribe?email=robin.hale%40northwind-traders.test#top">unsubscribe</a> <a href="https://docs.example/guide#section-installing-the-client">guide</a>',
      ),
    );
    assert.equal(hits.size, 0);
    assert.equal((await runDetector(addressInFragmentDetector, readFixture('newsletter-click-tracking'))).size, 0);
  });

  it('decodes only printable base64', () => {
    assert.equal(fragmentHoldsAddress('cm9iaW5AZXhhbXBsZS5jb20='), true);
    assert.equal(fragmentHoldsAddress('Zx81kQ2BpAQm3FaLk7Ty7rP0'), false);
  });
});
