import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { brandOffsiteDetector } from './brand-offsite.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.brand-offsite', () => {
  it('flags a brand sender name whose links all avoid the brand', async () => {
    const hits = await runDetector(
      brandOffsiteDetector,
      htmlMessage('<a href="https://secure-update.example/login">Update now</a>', '"Netflix Billing" <billing@notice-center.example>'),
    );
    assert.deepEqual(hits.get('URL_BRAND_SENDER_OFFSITE_LINKS')?.evidence, [
      'Netflix named by billing@notice-center.example; links go to secure-update.example',
    ]);
  });

  it("stays quiet when a link reaches the brand, or the sender uses the brand's domain", async () => {
    assert.equal((await runDetector(brandOffsiteDetector, readFixture('paypal-brand-lookalike'))).size, 0);
    const fromBrand = htmlMessage('<a href="https://click.esp-mailer.example/c/1">Watch</a>', '"Netflix" <info@mailer.netflix.com>');
    assert.equal((await runDetector(brandOffsiteDetector, fromBrand)).size, 0);
    const fromBrandTld = htmlMessage(
      '<a href="https://click.esp-mailer.example/c/2">Join</a>',
      '"Microsoft Teams" <no-reply@teams.mail.microsoft>',
    );
    assert.equal((await runDetector(brandOffsiteDetector, fromBrandTld)).size, 0);
  });

  it('ignores sender names that name no brand', async () => {
    assert.equal((await runDetector(brandOffsiteDetector, readFixture('newsletter-click-tracking'))).size, 0);
  });
});
