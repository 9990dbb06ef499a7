import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { fromHeaderDetector, syntaxProblem } from './from-header.ts';
import { testMessage } from './test-message.ts';

describe('sender.from-header', () => {
  it('flags a message without From, or with an empty address', async () => {
    assert.ok((await runDetector(fromHeaderDetector, testMessage({ from: null }))).has('SENDER_FROM_MISSING'));
    assert.ok((await runDetector(fromHeaderDetector, testMessage({ from: '"Facebook" <>' }))).has('SENDER_FROM_MISSING'));
  });

  it('flags From values that phishing tools write and mail programs do not', async () => {
    const hits = await runDetector(fromHeaderDetector, testMessage({ from: 'Microsoft account team ,_<no-reply@example.net>' }));
    assert.deepEqual(hits.get('SENDER_FROM_MALFORMED')?.evidence, [
      'From: Microsoft account team ,_<no-reply@example.net>',
      'unquoted separator in the display name',
    ]);
  });

  it('flags repeated From fields and senders on hosts that are not domains', async () => {
    const repeated = testMessage({ extra: ['From: <other@example.net>'] });
    assert.equal((await runDetector(fromHeaderDetector, repeated)).get('SENDER_FROM_MALFORMED')?.factor, 0.7);
    assert.ok((await runDetector(fromHeaderDetector, testMessage({ from: '<root@localhost>' }))).has('SENDER_FROM_NOT_A_DOMAIN'));
  });

  it('accepts quoted names with separators, comments and a repeated address', () => {
    assert.equal(syntaxProblem('"Doe, Jane" <jane@fabrikam.com>'), undefined);
    assert.equal(syntaxProblem('jane@fabrikam.com (Jane Doe, Finance)'), undefined);
    assert.equal(syntaxProblem('jane@fabrikam.com <jane@fabrikam.com>'), undefined);
    assert.equal(syntaxProblem('=?utf-8?Q?Jane_Doe?= <jane@fabrikam.com>'), undefined);
    assert.equal(syntaxProblem('Gift, <a@example.net>, Office, <b@example.net>'), '2 addresses in one From field');
  });
});
