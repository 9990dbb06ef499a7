import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { displayNameAddressDetector } from './display-name-address.ts';
import { testMessage } from './test-message.ts';

describe('sender.display-name-address', () => {
  it('flags an address in the display name on another domain', async () => {
    const hits = await runDetector(displayNameAddressDetector, testMessage({ from: '"support@paypal.com" <x7@example.net>' }));
    assert.deepEqual(hits.get('SENDER_DISPLAY_NAME_ADDRESS'), {
      id: 'SENDER_DISPLAY_NAME_ADDRESS',
      factor: 1,
      evidence: ['name shows support@paypal.com', 'real sender x7@example.net'],
    });
  });

  it('flags a whole mailbox written into the display name', async () => {
    const hits = await runDetector(
      displayNameAddressDetector,
      testMessage({ from: '"Microsoft <no-reply@microsoft.com>" <x7@example.net>' }),
    );
    assert.equal(hits.get('SENDER_DISPLAY_NAME_ADDRESS')?.evidence[0], 'name shows no-reply@microsoft.com');
  });

  it('flags a brand domain in the name fully and another domain weakly', async () => {
    const brand = await runDetector(displayNameAddressDetector, testMessage({ from: '"Netflix.com" <billing@example.net>' }));
    assert.equal(brand.get('SENDER_DISPLAY_NAME_DOMAIN')?.factor, 1);
    const other = await runDetector(displayNameAddressDetector, testMessage({ from: '"Tailspintoys.com Deals" <deals@example.net>' }));
    assert.equal(other.get('SENDER_DISPLAY_NAME_DOMAIN')?.factor, 0.5);
  });

  it('weakens names rewritten by group and relay services', async () => {
    const hits = await runDetector(displayNameAddressDetector, testMessage({ from: '"carol@adatum.com via Team" <team@example.org>' }));
    assert.equal(hits.get('SENDER_DISPLAY_NAME_ADDRESS')?.factor, 0.3);
  });

  it('stays quiet for the sender’s own address or domain and for initials that look like domains', async () => {
    for (const from of [
      '"alice.martin@fabrikam.com" <alice.martin@fabrikam.com>',
      '"Fabrikam.com Support" <help@support.fabrikam.com>',
      '"Craig R.Hughes" <craig@fabrikam.com>',
      '"J.Do" <jdo@fabrikam.com>',
    ]) {
      assert.equal((await runDetector(displayNameAddressDetector, testMessage({ from }))).size, 0, from);
    }
  });
});
