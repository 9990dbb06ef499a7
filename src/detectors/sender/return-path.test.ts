import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { returnPathDetector } from './return-path.ts';
import { testMessage } from './test-message.ts';

describe('sender.return-path', () => {
  it('flags a bounce address unrelated to the From domain', async () => {
    const hits = await runDetector(
      returnPathDetector,
      testMessage({ from: '"Costco" <noreply@costco.com>', returnPath: '<7gzye41@example.net>' }),
    );
    assert.deepEqual(hits.get('SENDER_RETURN_PATH_MISMATCH')?.evidence, ['envelope sender 7gzye41@example.net', 'From noreply@costco.com']);
  });

  it('prefers the SMTP envelope sender to the Return-Path header', async () => {
    const hits = await runDetector(returnPathDetector, testMessage(), {
      envelope: { mailFrom: 'x@example.net', rcptTo: ['bob.stone@contoso.com'] },
    });
    assert.ok(hits.has('SENDER_RETURN_PATH_MISMATCH'));
  });

  it('flags an envelope sender on a bare host name', async () => {
    const hits = await runDetector(returnPathDetector, testMessage({ returnPath: '<root@ubuntu-s-1vcpu-1gb-sfo3-06>' }));
    assert.deepEqual([...hits.keys()], ['SENDER_RETURN_PATH_NOT_A_DOMAIN']);
  });

  it('stays quiet for service providers, list mail, VERP/SRS addresses and sister domains', async () => {
    const quiet = [
      testMessage({ returnPath: '<bounces+1234-ab@sendgrid.net>' }),
      testMessage({ returnPath: '<0100018b-abc@eu-west-1.amazonses.com>' }),
      testMessage({ returnPath: '<list-bounces@example.org>', extra: ['List-Id: <users.example.org>'] }),
      testMessage({ returnPath: '<SRS0=abcd=TT=fabrikam.com=alice.martin@forwarder.example.net>' }),
      testMessage({ returnPath: '<bounce@mail.fabrikam-mail.com>' }),
      testMessage({ returnPath: '<>' }),
    ];
    for (const raw of quiet) assert.equal((await runDetector(returnPathDetector, raw)).size, 0, raw.split('\r\n')[0]);
  });
});
