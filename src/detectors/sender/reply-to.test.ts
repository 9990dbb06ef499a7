import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { replyToDetector } from './reply-to.ts';
import { testMessage } from './test-message.ts';

describe('sender.reply-to', () => {
  it('flags replies diverted from a company sender to a free-mail mailbox', async () => {
    const hits = await runDetector(
      replyToDetector,
      testMessage({ from: '"Fabrikam Accounts" <accounts@fabrikam.com>', replyTo: '<fabrikam.accounts@gmail.com>' }),
    );
    assert.deepEqual([...hits.keys()], ['SENDER_REPLY_TO_FREEMAIL']);
    assert.deepEqual(hits.get('SENDER_REPLY_TO_FREEMAIL')?.evidence, [
      'Reply-To fabrikam.accounts@gmail.com',
      'From accounts@fabrikam.com',
    ]);
  });

  it('flags a free-mail sender that wants replies in another free-mail mailbox', async () => {
    const hits = await runDetector(
      replyToDetector,
      testMessage({ from: '<barrister.j@gmail.com>', replyTo: '<claims.office@outlook.com>' }),
    );
    assert.deepEqual([...hits.keys()], ['SENDER_REPLY_TO_OTHER_FREEMAIL']);
  });

  it('flags replies to an unrelated company domain, weaker for bulk mail', async () => {
    const direct = await runDetector(replyToDetector, testMessage({ replyTo: '<desk@woodgrovebank.com>' }));
    assert.equal(direct.get('SENDER_REPLY_TO_MISMATCH')?.factor, 1);
    const bulk = await runDetector(
      replyToDetector,
      testMessage({ replyTo: '<desk@woodgrovebank.com>', extra: ['List-Unsubscribe: <https://fabrikam.com/u>'] }),
    );
    assert.equal(bulk.get('SENDER_REPLY_TO_MISMATCH')?.factor, 0.5);
  });

  it('stays quiet for the same organisation, a sister domain and the sender itself', async () => {
    for (const replyTo of ['<support@help.fabrikam.com>', '<support@fabrikam-support.com>', '<alice.martin@fabrikam.com>']) {
      const hits = await runDetector(replyToDetector, testMessage({ replyTo }));
      assert.equal(hits.size, 0, replyTo);
    }
  });

  it('stays quiet when a mailing list asks for replies to the list', async () => {
    const hits = await runDetector(
      replyToDetector,
      testMessage({
        to: '<users@lists.example.org>',
        replyTo: '<users@lists.example.org>',
        extra: ['List-Post: <mailto:users@lists.example.org>'],
      }),
    );
    assert.equal(hits.size, 0);
  });
});
