import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextFor } from '../../pipeline/testing.ts';
import { providerAuth, providerResults } from './provider-results.ts';
import { fixture, GMAIL, MICROSOFT } from './test-support.ts';

async function providerOf(raw: string, trustedAuthservIds: string[]) {
  return providerAuth(await contextFor(raw, { settings: { trustedAuthservIds } }));
}

const BODY = 'From: a@sender.example\r\nTo: b@customer.example\r\nSubject: s\r\n\r\nbody\r\n';
const EDGE =
  'Received: from mail.sender.example (mail.sender.example. [198.51.100.3]) by mx.google.com with ESMTP id q1; Mon, 2 Nov 2026 09:00:01 -0800\r\n';

describe('providerAuth', () => {
  it('trusts the stamp inside the region and calls the look-alike below it forged', async () => {
    const auth = await providerOf(fixture('gmail-spoof-forged-results.eml'), GMAIL);
    assert.equal(auth.stamps.length, 1);
    assert.equal(providerResults(auth, 'dmarc')?.entries[0].result, 'fail');
    assert.equal(auth.forged.length, 1);
    assert.equal(providerResults(auth, 'dkim'), undefined, 'the forged dkim=pass is not read');
  });

  it("reads Microsoft's id-less stamp by its position only", async () => {
    const auth = await providerOf(fixture('microsoft-compauth-fail.eml'), MICROSOFT);
    assert.equal(providerResults(auth, 'compauth')?.entries[0].result, 'fail');
    assert.equal(auth.forged.length, 0);
    // Without trusted ids nothing is read at all.
    assert.deepEqual(await providerOf(fixture('microsoft-compauth-fail.eml'), []), { stamps: [], forged: [] });
  });

  it('ignores an id-less stamp below the region, and does not call it forged', async () => {
    const raw = `${EDGE}Authentication-Results: spf=pass smtp.mailfrom=sender.example; dmarc=pass header.from=sender.example\r\n${BODY}`;
    const auth = await providerOf(raw, GMAIL);
    // Gmail wrote no Authentication-Results here; the one below its Received is the sender's.
    assert.equal(auth.stamps.length, 0);
    assert.equal(auth.forged.length, 0);
  });

  it('leaves an earlier stamp of the same provider alone (mail forwarded between its mailboxes)', async () => {
    const raw =
      `${EDGE}Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=sender.example\r\n` +
      'Received: by 2002:a17:90b:3d01:b0:256:b6f4:e810 with SMTP id p1; Mon, 2 Nov 2026 08:59:00 -0800\r\n' +
      'Received: from mail.origin.example (mail.origin.example. [192.0.2.20]) by mx.google.com with ESMTPS id q0; Mon, 2 Nov 2026 08:58:00 -0800\r\n' +
      'Authentication-Results: mx.google.com; dmarc=pass header.from=origin.example\r\n' +
      BODY;
    const auth = await providerOf(raw, GMAIL);
    assert.equal(auth.stamps.length, 1);
    assert.equal(auth.forged.length, 0);
  });

  it('prefers Authentication-Results, then the newest trusted ARC set; ARC sets of other ids do not count', async () => {
    const raw =
      'ARC-Authentication-Results: i=2; mx.google.com; dmarc=fail header.from=sender.example; spf=softfail\r\n' +
      'ARC-Authentication-Results: i=1; relay.other.example; dmarc=pass header.from=sender.example; compauth=fail\r\n' +
      `${EDGE}Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=sender.example\r\n${BODY}`;
    const auth = await providerOf(raw, GMAIL);
    assert.equal(providerResults(auth, 'spf')?.entries[0].result, 'pass');
    assert.equal(providerResults(auth, 'dmarc')?.stamp.field, 'arc-authentication-results');
    assert.equal(providerResults(auth, 'compauth'), undefined);
  });

  it('without a Received trail, trusts only stamps above every Received field', async () => {
    const raw =
      'Authentication-Results: mx.google.com; dmarc=fail (p=REJECT) header.from=sender.example\r\n' +
      'Received: from x.example (x.example [192.0.2.1]) by relay.example; Mon, 2 Nov 2026 08:58:00 -0800\r\n' +
      'Authentication-Results: mx.google.com; dmarc=pass header.from=sender.example\r\n' +
      BODY;
    const auth = await providerOf(raw, GMAIL);
    assert.equal(auth.stamps.length, 1);
    assert.equal(providerResults(auth, 'dmarc')?.entries[0].result, 'fail');
    assert.equal(auth.forged.length, 0, 'without a boundary nothing can be called forged');
  });
});
