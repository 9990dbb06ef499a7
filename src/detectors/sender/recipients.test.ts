import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { recipientsDetector } from './recipients.ts';
import { testMessage } from './test-message.ts';

describe('sender.recipients', () => {
  it('flags undisclosed recipients and a missing To', async () => {
    const undisclosed = await runDetector(recipientsDetector, testMessage({ to: 'undisclosed-recipients:;' }));
    assert.deepEqual(undisclosed.get('SENDER_RECIPIENTS_UNDISCLOSED')?.evidence, ['To: undisclosed-recipients:;']);
    assert.ok((await runDetector(recipientsDetector, testMessage({ to: null }))).has('SENDER_RECIPIENTS_UNDISCLOSED'));
  });

  it('flags a message addressed only to its own sender, weaker for list mail', async () => {
    const self = testMessage({ to: '"Recipients" <alice.martin@fabrikam.com>' });
    assert.equal((await runDetector(recipientsDetector, self)).get('SENDER_RECIPIENTS_UNDISCLOSED')?.factor, 1);
    const list = testMessage({ to: '<alice.martin@fabrikam.com>', extra: ['Precedence: bulk'] });
    assert.equal((await runDetector(recipientsDetector, list)).get('SENDER_RECIPIENTS_UNDISCLOSED')?.factor, 0.5);
  });

  it('stays quiet when recipients are named', async () => {
    assert.equal((await runDetector(recipientsDetector, testMessage({ to: null, cc: '<team@contoso.com>' }))).size, 0);
    assert.equal((await runDetector(recipientsDetector, testMessage())).size, 0);
  });
});
