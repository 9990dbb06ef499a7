import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { displayNameBrandDetector } from './display-name-brand.ts';
import { testMessage } from './test-message.ts';

describe('sender.display-name-brand', () => {
  it('flags a brand sender name on a domain the brand does not use', async () => {
    const hits = await runDetector(displayNameBrandDetector, testMessage({ from: '"Microsoft account team" <no-reply@example.net>' }));
    assert.deepEqual(hits.get('SENDER_DISPLAY_NAME_BRAND'), {
      id: 'SENDER_DISPLAY_NAME_BRAND',
      factor: 1,
      evidence: ['name "Microsoft account team" names Microsoft', 'sender domain example.net'],
    });
  });

  it('sees through letters spaced apart and invisible characters', async () => {
    const spaced = await runDetector(displayNameBrandDetector, testMessage({ from: '"C o i n b a s e" <noreply@example.net>' }));
    assert.match(spaced.get('SENDER_DISPLAY_NAME_BRAND')?.evidence.join(' ') ?? '', /Coinbase.*disguised/);
    const hidden = await runDetector(displayNameBrandDetector, testMessage({ from: '"Pay\u200bPal Service" <noreply@example.net>' }));
    assert.ok(hidden.has('SENDER_DISPLAY_NAME_BRAND'));
  });

  it('weighs a name with other words less, unless the address is free-mail', async () => {
    const person = await runDetector(displayNameBrandDetector, testMessage({ from: '"Bob Norton" <bob@example.net>' }));
    assert.equal(person.get('SENDER_DISPLAY_NAME_BRAND')?.factor, 0.4);
    const freemail = await runDetector(
      displayNameBrandDetector,
      testMessage({ from: '"Norton Renewal Dept 2211" <renewals2211@gmail.com>' }),
    );
    assert.equal(freemail.get('SENDER_DISPLAY_NAME_BRAND')?.factor, 1);
  });

  it('stays quiet when the brand writes from its own or national domains', async () => {
    for (const from of [
      '"PayPal" <service@paypal.com>',
      '"PayPal" <service@paypal.de>',
      '"Amazon.com" <auto-confirm@amazon.com.mx>',
      '"Alice Martin" <a@fabrikam.com>',
    ]) {
      assert.equal((await runDetector(displayNameBrandDetector, testMessage({ from }))).size, 0, from);
    }
  });
});
