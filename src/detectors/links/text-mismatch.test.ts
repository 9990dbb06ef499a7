import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { htmlMessage, readFixture } from './testing.ts';
import { domainNamedIn, textMismatchDetector } from './text-mismatch.ts';

describe('links.text-mismatch', () => {
  it("flags text showing a brand's address over a link elsewhere", async () => {
    const hits = await runDetector(textMismatchDetector, readFixture('paypal-brand-lookalike'));
    assert.deepEqual(hits.get('URL_TEXT_NAMES_TRUSTED_DOMAIN'), {
      id: 'URL_TEXT_NAMES_TRUSTED_DOMAIN',
      factor: 1,
      evidence: ['"https://www.paypal.com/myaccount/restore" -> paypal-secure-login.example (PayPal)'],
    });
  });

  it('flags text naming the organisation over a free hosting page', async () => {
    const hits = await runDetector(
      textMismatchDetector,
      htmlMessage(
        '<a href="https://hr-docs.pages.dev/">https://intranet.northwind-traders.test/hr</a> <a href="https://bit.ly/4abcd">www.shop.example</a>',
      ),
    );
    assert.deepEqual(hits.get('URL_TEXT_NAMES_TRUSTED_DOMAIN')?.evidence, [
      '"https://intranet.northwind-traders.test/hr" -> hr-docs.pages.dev (your organisation)',
    ]);
    assert.deepEqual(hits.get('URL_TEXT_MISMATCH_RISKY_TARGET')?.evidence, ['"www.shop.example" -> bit.ly (URL shortener)']);
  });

  it('halves the trusted-domain signal when the message comes from that domain', async () => {
    const hits = await runDetector(
      textMismatchDetector,
      htmlMessage('<a href="https://click.esp-mailer.example/c/81">www.paypal.com</a>', 'PayPal <service@paypal.com>'),
    );
    assert.equal(hits.get('URL_TEXT_NAMES_TRUSTED_DOMAIN')?.factor, 0.5);
  });

  it('keeps a newsletter click tracker to the weak signal and follows trackers that carry the target', async () => {
    const hits = await runDetector(textMismatchDetector, readFixture('newsletter-click-tracking'));
    assert.deepEqual([...hits.keys()], ['URL_TEXT_HREF_MISMATCH']);
    assert.deepEqual(hits.get('URL_TEXT_HREF_MISMATCH')?.evidence, ['"www.harborpine.example" -> click.mailer-platform.example']);
  });

  it('accepts text and link on the same site or the same brand', async () => {
    const hits = await runDetector(
      textMismatchDetector,
      htmlMessage('<a href="https://www.microsoft.com/en-us/">microsoft.com</a> <a href="https://login.live.com/">https://outlook.com</a>'),
    );
    assert.equal(hits.size, 0);
  });

  it('reads the domain a piece of anchor text names', () => {
    assert.equal(domainNamedIn('https://www.paypal.com/signin'), 'paypal.com');
    assert.equal(domainNamedIn('Visit www.shop.co.uk today'), 'shop.co.uk');
    assert.equal(domainNamedIn('shop.example'), 'shop.example');
    assert.equal(domainNamedIn('Click here'), undefined);
    assert.equal(domainNamedIn('write to help@shop.example'), undefined);
    assert.equal(domainNamedIn('invoice.pdf'), undefined);
  });
});
