import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { SignalHit } from '../../core/signal.ts';
import { contextFor } from '../../pipeline/testing.ts';
import { senderDetectors } from './index.ts';

/**
 * Whole messages through every sender detector: phishing fixtures must raise exactly the listed
 * signals, legitimate ones (a newsletter through an ESP, a mailing list, a colleague, a brand's
 * own notification, a private person on free-mail) must raise none.
 */
const FIXTURES = new URL('../../../test/fixtures/sender/', import.meta.url);
const settings = { orgDomains: ['contoso.com'], vipNames: ['Jane Doe'] };

async function senderHits(name: string): Promise<Map<string, SignalHit>> {
  const ctx = await contextFor(readFileSync(new URL(name, FIXTURES)), { settings });
  const hits: SignalHit[] = [];
  for (const detector of senderDetectors) hits.push(...(await detector.run(ctx, new AbortController().signal)));
  return new Map(hits.map((hit) => [hit.id, hit]));
}

const EXPECTED: Record<string, string[]> = {
  'brand-microsoft-account.eml': [
    'SENDER_DISPLAY_NAME_BRAND',
    'SENDER_FROM_MALFORMED',
    'SENDER_RECIPIENTS_UNDISCLOSED',
    'SENDER_REPLY_TO_FREEMAIL',
    'SENDER_RETURN_PATH_MISMATCH',
  ],
  'brand-spaced-letters.eml': ['SENDER_DISPLAY_NAME_BRAND', 'SENDER_DISPLAY_NAME_DISGUISED'],
  'display-name-paypal-address.eml': ['SENDER_DISPLAY_NAME_ADDRESS', 'SENDER_DISPLAY_NAME_BRAND'],
  'org-it-service-desk.eml': ['SENDER_DISPLAY_NAME_ORG', 'SENDER_FREEMAIL_ROLE_NAME'],
  'payroll-bulk-blind-copy.eml': [
    'SENDER_DATE_FUTURE',
    'SENDER_FREEMAIL_ROLE_NAME',
    'SENDER_MESSAGE_ID_MISSING',
    'SENDER_RECIPIENTS_UNDISCLOSED',
  ],
  'vip-freemail-ceo-fraud.eml': ['SENDER_DISPLAY_NAME_VIP', 'SENDER_REPLY_TO_OTHER_FREEMAIL'],
  'legit-brand-notification.eml': [],
  'legit-colleague.eml': [],
  'legit-freemail-person.eml': [],
  'legit-mailing-list.eml': [],
  'legit-newsletter-esp.eml': [],
};

describe('sender detectors on fixture messages', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.length ? expected.join(', ') : 'nothing'}`, async () => {
      const hits = await senderHits(file);
      assert.deepEqual([...hits.keys()].sort(), expected);
    });
  }

  it('explains the Microsoft lure with the facts an analyst checks', async () => {
    const hits = await senderHits('brand-microsoft-account.eml');
    assert.deepEqual(hits.get('SENDER_REPLY_TO_FREEMAIL')?.evidence, [
      'Reply-To ms.recovery.desk@gmail.com',
      'From no-reply@account-security.litware.com',
    ]);
    assert.match(hits.get('SENDER_DISPLAY_NAME_BRAND')?.evidence[0] ?? '', /names Microsoft/);
    assert.equal(hits.get('SENDER_DISPLAY_NAME_BRAND')?.factor, 1);
  });

  it('names the disguised brand and the borrowed address', async () => {
    const spaced = await senderHits('brand-spaced-letters.eml');
    assert.ok(spaced.get('SENDER_DISPLAY_NAME_BRAND')?.evidence.includes('brand name disguised with spacing or invisible characters'));
    const borrowed = await senderHits('display-name-paypal-address.eml');
    assert.equal(borrowed.get('SENDER_DISPLAY_NAME_ADDRESS')?.evidence[0], 'name shows service@paypal.com');
  });

  it('declares SENDER_ signals in the sender group under sender.* detector ids', () => {
    for (const detector of senderDetectors) {
      assert.match(detector.id, /^sender\.[a-z-]+$/);
      for (const signal of detector.signals) {
        assert.match(signal.id, /^SENDER_[A-Z_]+$/);
        assert.equal(signal.group, 'sender');
      }
    }
  });
});
