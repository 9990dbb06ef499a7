import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { lookalikeDetector } from './lookalike.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.lookalike', () => {
  it('flags a typo of a brand and its name embedded in other domains', async () => {
    const hits = await runDetector(lookalikeDetector, readFixture('paypal-brand-lookalike'));
    assert.deepEqual(hits.get('URL_LOOKALIKE_BRAND')?.evidence, ['paypall.example ~ paypal.com (PayPal, edit-distance)']);
    assert.deepEqual(hits.get('URL_BRAND_EMBEDDED')?.evidence, [
      'paypal-secure-login.example ~ paypal.com (PayPal, hyphenated)',
      'www.paypal.com.account-check.example ~ paypal.com (PayPal, subdomain)',
    ]);
    assert.equal(hits.get('URL_BRAND_EMBEDDED')?.factor, 1);
  });

  it("flags homoglyphs of brands and a typo of the recipient organisation's domain", async () => {
    const hits = await runDetector(lookalikeDetector, readFixture('homoglyph-and-org-lookalike'));
    assert.deepEqual(hits.get('URL_LOOKALIKE_BRAND')?.evidence, [
      'xn--pypal-4ve.com ~ paypal.com (PayPal, homoglyph)',
      'xn--80ak6aa92e.com ~ apple.com (Apple, homoglyph)',
    ]);
    assert.deepEqual(hits.get('URL_LOOKALIKE_ORG')?.evidence, [
      'portal.northwind-tradres.test ~ northwind-traders.test (your organisation, edit-distance)',
    ]);
  });

  it('uses configured organisation domains', async () => {
    const hits = await runDetector(lookalikeDetector, htmlMessage('<a href="https://fabrikam-payroll.example/">payroll</a>'), {
      settings: { orgDomains: ['fabrikam.example'] },
    });
    assert.equal(hits.get('URL_LOOKALIKE_ORG')?.factor, 0.5);
  });

  it('never matches the real brand and organisation domains', async () => {
    const body = [
      'https://www.paypal.com/',
      'https://www.paypalobjects.com/logo.png',
      'https://m.media-amazon.com/images/x.jpg',
      'https://www.google.co.uk/maps',
      'https://intranet.northwind-traders.test/',
      'https://login.microsoftonline.com/',
      'https://teams.mail.microsoft/meet',
    ]
      .map((href) => `<a href="${href}">link</a>`)
      .join(' ');
    const hits = await runDetector(lookalikeDetector, htmlMessage(body));
    assert.equal(hits.size, 0);
  });

  it('stays quiet on a newsletter and an internal notice', async () => {
    assert.equal((await runDetector(lookalikeDetector, readFixture('newsletter-click-tracking'))).size, 0);
    assert.equal((await runDetector(lookalikeDetector, readFixture('internal-it-notice'))).size, 0);
  });
});
