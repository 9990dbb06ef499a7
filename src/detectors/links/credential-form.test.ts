import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { credentialFormDetector } from './credential-form.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.credential-form', () => {
  it('flags a password form in the body', async () => {
    const hits = await runDetector(credentialFormDetector, readFixture('shared-document-free-hosting'));
    assert.deepEqual(hits.get('URL_PASSWORD_FORM')?.evidence, ['POST https://collect-7f3a.workers.dev/submit [login, passwd]']);
  });

  it('ignores forms without a password field', async () => {
    const hits = await runDetector(
      credentialFormDetector,
      htmlMessage('<form action="https://shop.example/subscribe"><input name="email"><input type="submit"></form>'),
    );
    assert.equal(hits.size, 0);
  });
});
