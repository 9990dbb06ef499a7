import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { displayNameVipDetector, namesVip, nameWords } from './display-name-vip.ts';
import { testMessage } from './test-message.ts';

const settings = { orgDomains: ['contoso.com'], vipNames: ['Jane Doe', 'Zoë Müller'] };

describe('sender.display-name-vip', () => {
  it('flags a VIP’s name on a free-mail address', async () => {
    const hits = await runDetector(displayNameVipDetector, testMessage({ from: '"Jane Doe" <jane.doe.office@outlook.com>' }), { settings });
    assert.deepEqual(hits.get('SENDER_DISPLAY_NAME_VIP'), {
      id: 'SENDER_DISPLAY_NAME_VIP',
      factor: 1,
      evidence: ['name "Jane Doe" matches VIP Jane Doe', 'external sender jane.doe.office@outlook.com'],
    });
  });

  it('matches reordered, titled and unaccented forms, weaker on a company domain', async () => {
    const hits = await runDetector(displayNameVipDetector, testMessage({ from: '"Muller, Zoe (CEO)" <ceo@example.net>' }), { settings });
    assert.equal(hits.get('SENDER_DISPLAY_NAME_VIP')?.factor, 0.8);
  });

  it('flags a VIP’s name on a domain that merely resembles the organisation’s', async () => {
    const hits = await runDetector(displayNameVipDetector, testMessage({ from: '"Jane Doe" <jane@contoso-exec.com>' }), { settings });
    assert.ok(hits.has('SENDER_DISPLAY_NAME_VIP'));
  });

  it('stays quiet for the VIP’s own address and for other people', async () => {
    for (const from of ['"Jane Doe" <jane.doe@contoso.com>', '"Jane Smith" <js@example.net>']) {
      assert.equal((await runDetector(displayNameVipDetector, testMessage({ from }), { settings })).size, 0, from);
    }
  });

  it('requires every word of the VIP name, and a one-word VIP name to be the whole name', () => {
    assert.equal(namesVip(nameWords('Jane'), nameWords('Jane Doe')), false);
    assert.equal(namesVip(nameWords('Cher'), nameWords('Cher')), true);
    assert.equal(namesVip(nameWords('Cher Smith'), nameWords('Cher')), false);
  });
});
