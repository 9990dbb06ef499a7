import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { messageIdDetector } from './message-id.ts';
import { testMessage } from './test-message.ts';

describe('sender.message-id', () => {
  it('flags a missing or malformed Message-ID', async () => {
    assert.ok((await runDetector(messageIdDetector, testMessage({ messageId: null }))).has('SENDER_MESSAGE_ID_MISSING'));
    assert.ok((await runDetector(messageIdDetector, testMessage({ messageId: 'a1b2c3-no-at-sign' }))).has('SENDER_MESSAGE_ID_MALFORMED'));
  });

  it('flags a brand or free-mail sender whose Message-ID was made elsewhere', async () => {
    const brand = await runDetector(
      messageIdDetector,
      testMessage({ from: '<noreply@costco.com>', returnPath: '<b@example.net>', messageId: '<5101.6.WDH48@mailer.tailspintoys.com>' }),
    );
    assert.deepEqual(brand.get('SENDER_MESSAGE_ID_FOREIGN')?.evidence, [
      'Message-ID <5101.6.WDH48@mailer.tailspintoys.com>',
      'From noreply@costco.com',
    ]);
    const freemail = await runDetector(
      messageIdDetector,
      testMessage({ from: '<a.martin@gmail.com>', returnPath: null, messageId: '<x1@example.org>' }),
    );
    assert.ok(freemail.has('SENDER_MESSAGE_ID_FOREIGN'));
  });

  it('stays quiet for company mail servers, hosted mail platforms and host names without a suffix', async () => {
    for (const headers of [
      { messageId: '<abc@relay.example.org>' },
      { from: '<a.martin@hotmail.com>', messageId: '<abc@AM7EUR06FT021.eop-eur06.prod.protection.outlook.com>' },
      { from: '<a.martin@gmail.com>', messageId: '<CAJi7PKMt0C@mail.gmail.com>' },
      { from: '<a.martin@gmail.com>', messageId: '<1234.JavaMail.root@app-host-7>' },
    ]) {
      assert.equal((await runDetector(messageIdDetector, testMessage(headers))).size, 0, JSON.stringify(headers));
    }
  });
});
