import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { receivedResultsDetector } from './received-results.ts';
import { fixture, GMAIL, MICROSOFT } from './test-support.ts';

const FAILURES = [
  'AUTH_PROVIDER_SPF_FAIL',
  'AUTH_PROVIDER_SPF_SOFTFAIL',
  'AUTH_PROVIDER_DKIM_FAIL',
  'AUTH_PROVIDER_DMARC_FAIL',
  'AUTH_PROVIDER_COMPAUTH_FAIL',
  'AUTH_PROVIDER_RESULTS_FORGED',
];

describe('auth.received-results', () => {
  it("reports Gmail's DMARC and SPF failures, weighed by p=reject, and the forged pass below them", async () => {
    const hits = await runDetector(receivedResultsDetector, fixture('gmail-spoof-forged-results.eml'), {
      settings: { trustedAuthservIds: GMAIL },
    });
    assert.deepEqual([...hits.keys()].sort(), ['AUTH_PROVIDER_DMARC_FAIL', 'AUTH_PROVIDER_RESULTS_FORGED', 'AUTH_PROVIDER_SPF_FAIL']);
    assert.equal(hits.get('AUTH_PROVIDER_DMARC_FAIL')?.factor, 1);
    assert.match(hits.get('AUTH_PROVIDER_DMARC_FAIL')!.evidence[0], /^mx\.google\.com: dmarc=fail \(p=REJECT/);
    assert.match(hits.get('AUTH_PROVIDER_RESULTS_FORGED')!.evidence[0], /mx\.google\.com: spf=pass dkim=pass dmarc=pass/);
  });

  it("reports Microsoft's implicit composite authentication failure", async () => {
    const hits = await runDetector(receivedResultsDetector, fixture('microsoft-compauth-fail.eml'), {
      settings: { trustedAuthservIds: MICROSOFT },
    });
    assert.deepEqual([...hits.keys()], ['AUTH_PROVIDER_COMPAUTH_FAIL']);
    assert.equal(hits.get('AUTH_PROVIDER_COMPAUTH_FAIL')?.factor, 1);
    assert.match(hits.get('AUTH_PROVIDER_COMPAUTH_FAIL')!.evidence[0], /compauth=fail reason=001/);
  });

  it('records a provider DMARC pass on legitimate mail, and no failure', async () => {
    for (const [name, ids] of [
      ['gmail-delivered-pass.eml', GMAIL],
      ['microsoft-cross-tenant-pass.eml', MICROSOFT],
    ] as const) {
      const hits = await runDetector(receivedResultsDetector, fixture(name), { settings: { trustedAuthservIds: [...ids] } });
      assert.deepEqual([...hits.keys()], ['AUTH_PROVIDER_DMARC_PASS'], name);
    }
  });

  it('stays quiet when no trusted authserv-id is configured', async () => {
    for (const name of ['gmail-spoof-forged-results.eml', 'microsoft-compauth-fail.eml']) {
      assert.equal((await runDetector(receivedResultsDetector, fixture(name))).size, 0, name);
    }
  });

  it('does not restate a DMARC failure as a compauth failure, and weighs p=none failures low', async () => {
    const raw =
      'Authentication-Results: spf=fail (sender IP is 203.0.113.5) smtp.mailfrom=sender.example; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=sender.example;compauth=fail reason=000\r\n' +
      'Received: from mail.sender.example (203.0.113.5) by AM4PEPF00027A5C.mail.protection.outlook.com (10.167.16.70) with Microsoft SMTP Server; Mon, 2 Nov 2026 09:20:03 +0000\r\n' +
      'From: a@sender.example\r\nTo: b@customer.example\r\nSubject: s\r\n\r\nbody\r\n';
    const hits = await runDetector(receivedResultsDetector, raw, { settings: { trustedAuthservIds: MICROSOFT } });
    assert.deepEqual([...hits.keys()].sort(), ['AUTH_PROVIDER_DMARC_FAIL', 'AUTH_PROVIDER_SPF_FAIL']);
    assert.equal(hits.get('AUTH_PROVIDER_DMARC_FAIL')?.factor, 0.3);
  });

  it('weighs a failing DKIM signature less when another one verified', async () => {
    const raw =
      'Received: from mail.list.example (mail.list.example. [198.51.100.9]) by mx.google.com with ESMTPS id q1; Mon, 2 Nov 2026 09:00:01 -0800\r\n' +
      'Authentication-Results: mx.google.com; dkim=fail header.i=@origin.example; dkim=pass header.i=@list.example; spf=pass smtp.mailfrom=list.example\r\n' +
      'From: a@origin.example\r\nTo: b@customer.example\r\nSubject: s\r\n\r\nbody\r\n';
    const hits = await runDetector(receivedResultsDetector, raw, { settings: { trustedAuthservIds: GMAIL } });
    assert.equal(hits.get('AUTH_PROVIDER_DKIM_FAIL')?.factor, 0.3);
    for (const id of FAILURES.filter((f) => f !== 'AUTH_PROVIDER_DKIM_FAIL')) assert.equal(hits.has(id), false, id);
  });
});
