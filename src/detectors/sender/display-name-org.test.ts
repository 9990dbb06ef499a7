import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { displayNameOrgDetector } from './display-name-org.ts';
import { testMessage } from './test-message.ts';

describe('sender.display-name-org', () => {
  it('flags the recipient organisation’s name on an outside address', async () => {
    const hits = await runDetector(displayNameOrgDetector, testMessage({ from: '"Contoso IT Service Desk" <helpdesk@example.net>' }), {
      settings: { orgDomains: ['contoso.com'] },
    });
    assert.deepEqual(hits.get('SENDER_DISPLAY_NAME_ORG'), {
      id: 'SENDER_DISPLAY_NAME_ORG',
      factor: 1,
      evidence: ['name "Contoso IT Service Desk" carries contoso', 'external sender helpdesk@example.net'],
    });
  });

  it('matches a name split in words and counts less when the organisation is only inferred', async () => {
    const hits = await runDetector(
      displayNameOrgDetector,
      testMessage({ from: '"Woodgrove Bank HR" <hr@example.net>', to: '<ann@woodgrovebank.com>' }),
    );
    assert.equal(hits.get('SENDER_DISPLAY_NAME_ORG')?.factor, 0.6);
  });

  it('counts half for a domain built on the organisation’s name', async () => {
    const hits = await runDetector(displayNameOrgDetector, testMessage({ from: '"Contoso Benefits" <info@contoso-benefits.com>' }), {
      settings: { orgDomains: ['contoso.com'] },
    });
    assert.equal(hits.get('SENDER_DISPLAY_NAME_ORG')?.factor, 0.5);
  });

  it('stays quiet for internal senders and names without the organisation', async () => {
    const settings = { orgDomains: ['contoso.com'] };
    for (const from of ['"Contoso HR" <hr@mail.contoso.com>', '"Alice Martin" <a@fabrikam.com>']) {
      assert.equal((await runDetector(displayNameOrgDetector, testMessage({ from }), { settings })).size, 0, from);
    }
  });

  it('never takes a free-mail recipient domain for the organisation', async () => {
    const hits = await runDetector(
      displayNameOrgDetector,
      testMessage({ from: '"Gmail Team" <team@example.net>', to: '<someone@gmail.com>' }),
    );
    assert.equal(hits.size, 0);
  });
});
