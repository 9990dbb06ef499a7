import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { brandImpersonationDetector } from './brand-impersonation.ts';

function message(from: string, subject: string, body: string): string {
  return [
    `From: ${from}`,
    'To: user@example.com',
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    body,
  ].join('\r\n');
}

const lureBody = '<p>Please review the activity.</p><a href="https://account-review.example.net/login">Review</a>';

test('fires when a brand speaks in the subject but sender and links are elsewhere', async () => {
  const hits = await runDetector(
    brandImpersonationDetector,
    message('Support <help@example.net>', 'Your PayPal account has been limited', lureBody),
  );
  const hit = hits.get('LANG_BRAND_IMPERSONATION');
  assert.ok(hit);
  assert.equal(hit.factor, 1);
  assert.match(hit.evidence[0], /PayPal: "your paypal account" \(subject\), sender example\.net, links to account-review\.example\.net/);
});

test('a brand signing the body counts less than one in the subject', async () => {
  const body = '<p>We noticed a new sign-in.</p><p>The Netflix support team</p><a href="https://nflx-billing.example.org/">Update</a>';
  const hit = (await runDetector(brandImpersonationDetector, message('Billing <billing@example.org>', 'Action needed', body))).get(
    'LANG_BRAND_IMPERSONATION',
  );
  assert.equal(hit?.factor, 0.6);
});

test('stays quiet when the sender belongs to the brand', async () => {
  const hits = await runDetector(
    brandImpersonationDetector,
    message('PayPal <service@mail.paypal.com>', 'Your PayPal account statement', lureBody),
  );
  assert.equal(hits.size, 0);
});

test('stays quiet when every link goes to the brand itself (a forwarded notice)', async () => {
  const body = '<p>fyi</p><a href="https://www.paypal.com/myaccount">Open</a>';
  const hits = await runDetector(brandImpersonationDetector, message('Ana <ana@example.org>', 'Fwd: Your PayPal account statement', body));
  assert.equal(hits.size, 0);
});

test('stays quiet when a brand is only talked about', async () => {
  const body =
    '<p>Microsoft shipped a patch and Google followed. Anyone tried it on Outlook 2019?</p><a href="https://news.example.com/">news</a>';
  const hits = await runDetector(brandImpersonationDetector, message('Li <li@example.org>', 'Re: Microsoft patch Tuesday thoughts', body));
  assert.equal(hits.size, 0);
});
