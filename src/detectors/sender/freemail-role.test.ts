import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { freemailRoleDetector } from './freemail-role.ts';
import { testMessage } from './test-message.ts';

describe('sender.freemail-role', () => {
  it('flags internal roles on free-mail addresses', async () => {
    for (const name of ['Payroll Department', 'IT Helpdesk', 'CEO', 'HR Team']) {
      const hits = await runDetector(freemailRoleDetector, testMessage({ from: `"${name}" <desk.2211@gmail.com>` }));
      assert.equal(hits.get('SENDER_FREEMAIL_ROLE_NAME')?.factor, 1, name);
    }
  });

  it('flags company names on free-mail addresses more weakly', async () => {
    const hits = await runDetector(freemailRoleDetector, testMessage({ from: '"Fabrikam Corp Accounts" <fabrikam.corp@yahoo.com>' }));
    assert.deepEqual(hits.get('SENDER_FREEMAIL_ROLE_NAME'), {
      id: 'SENDER_FREEMAIL_ROLE_NAME',
      factor: 0.5,
      evidence: ['name "Fabrikam Corp Accounts" (Corp)', 'free-mail sender fabrikam.corp@yahoo.com'],
    });
  });

  it('stays quiet for people on free-mail and for roles on company domains', async () => {
    for (const from of [
      '"Alice Martin" <alice.martin@gmail.com>',
      '"Payroll Department" <payroll@fabrikam.com>',
      '"Italo Ceotto" <italo@gmail.com>',
    ]) {
      assert.equal((await runDetector(freemailRoleDetector, testMessage({ from }))).size, 0, from);
    }
  });
});
