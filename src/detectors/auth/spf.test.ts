import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offlineResolver, zoneResolver } from '../../pipeline/dns.ts';
import { contextFor, runDetector } from '../../pipeline/testing.ts';
import { spfDetector } from './spf.ts';
import { dkimSigned, FIXTURE_ZONE, fixture, GMAIL, rsaKey } from './test-support.ts';

const zone = zoneResolver(FIXTURE_ZONE);

describe('auth.spf', () => {
  it('fires on a spoofed envelope domain, with the client IP from the trusted Received field', async () => {
    const hits = await runDetector(spfDetector, fixture('gmail-spoof-forged-results.eml'), {
      dns: zone,
      settings: { trustedAuthservIds: GMAIL },
    });
    const hit = hits.get('AUTH_SPF_FAIL');
    assert.ok(hit);
    assert.equal(hit.factor, undefined);
    assert.match(hit.evidence[0], /spf=fail for bank\.example \(mailfrom\) from 203\.0\.113\.66/);
    assert.match(hit.evidence[1], /Received field/);
  });

  it('reports a softfail separately', async () => {
    const soft = zoneResolver({ ...FIXTURE_ZONE, 'bank.example': { TXT: [['v=spf1 ip4:192.0.2.0/24 ~all']] } });
    const hits = await runDetector(spfDetector, fixture('gmail-spoof-forged-results.eml'), {
      dns: soft,
      settings: { trustedAuthservIds: GMAIL },
    });
    assert.deepEqual([...hits.keys()], ['AUTH_SPF_SOFTFAIL']);
  });

  it('weighs an SPF failure at half when DMARC passed (forwarded mail)', async () => {
    const key = rsaKey();
    const signed = await dkimSigned(fixture('dkim-base.eml'), 'signer.example', 's1', key);
    const dns = zoneResolver({ ...FIXTURE_ZONE, 's1._domainkey.signer.example': { TXT: [[key.record]] } });
    const envelope = { clientIp: '198.51.100.77', mailFrom: 'alice@signer.example', rcptTo: ['bob@customer.example'] };
    const hit = (await runDetector(spfDetector, signed, { dns, envelope })).get('AUTH_SPF_FAIL');
    assert.equal(hit?.factor, 0.5);
  });

  it('stays quiet on legitimate mail, offline, and when no client IP can be trusted', async () => {
    const legit = await runDetector(spfDetector, fixture('gmail-delivered-pass.eml'), {
      dns: zone,
      settings: { trustedAuthservIds: GMAIL },
    });
    assert.equal(legit.size, 0);
    // No trusted server configured and no envelope: SPF is not evaluated, which is not an error.
    const untrusted = await runDetector(spfDetector, fixture('gmail-spoof-forged-results.eml'), { dns: zone });
    assert.equal(untrusted.size, 0);
    // Offline: a temperror for the runner to record, never a failure signal.
    const ctx = await contextFor(fixture('gmail-spoof-forged-results.eml'), {
      dns: offlineResolver,
      settings: { trustedAuthservIds: GMAIL },
    });
    await assert.rejects(Promise.resolve(spfDetector.run(ctx, new AbortController().signal)), { code: 'DNS_TEMPERROR' });
  });
});
