import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offlineResolver, zoneResolver } from '../../pipeline/dns.ts';
import { contextFor, runDetector } from '../../pipeline/testing.ts';
import { dmarcDetector } from './dmarc.ts';
import { FIXTURE_ZONE, fixture, GMAIL, MICROSOFT } from './test-support.ts';

const zone = zoneResolver(FIXTURE_ZONE);
const spoof = fixture('gmail-spoof-forged-results.eml');

function withBankPolicy(policy: string) {
  return zoneResolver({ ...FIXTURE_ZONE, '_dmarc.bank.example': { TXT: [[`v=DMARC1; p=${policy}`]] } });
}

describe('auth.dmarc', () => {
  it('fires on a spoofed From domain, weighed by the policy it publishes', async () => {
    for (const [policy, factor] of [
      ['reject', 1],
      ['quarantine', 0.7],
      ['none', 0.3],
    ] as const) {
      const hits = await runDetector(dmarcDetector, spoof, { dns: withBankPolicy(policy), settings: { trustedAuthservIds: GMAIL } });
      const hit = hits.get('AUTH_DMARC_FAIL');
      assert.equal(hit?.factor, factor, policy);
      assert.equal(hit?.evidence[0], `dmarc=fail for bank.example (policy ${policy})`);
    }
  });

  it('records an aligned pass with its small negative weight', async () => {
    const hits = await runDetector(dmarcDetector, fixture('gmail-delivered-pass.eml'), {
      dns: zone,
      settings: { trustedAuthservIds: GMAIL },
    });
    assert.deepEqual([...hits.keys()], ['AUTH_DMARC_PASS']);
  });

  it('records nothing when SPF could not be evaluated and might have passed', async () => {
    assert.equal((await runDetector(dmarcDetector, spoof, { dns: zone })).size, 0);
  });

  it('records a temperror offline, never a failure', async () => {
    const ctx = await contextFor(spoof, { dns: offlineResolver, settings: { trustedAuthservIds: GMAIL } });
    await assert.rejects(Promise.resolve(dmarcDetector.run(ctx, new AbortController().signal)), { code: 'DNS_TEMPERROR' });
  });

  it('weighs plain absence of authentication very lightly, and only when it is known', async () => {
    // Microsoft stated the client IP, so SPF was evaluated: no record, no DKIM, no DMARC.
    const known = await runDetector(dmarcDetector, fixture('microsoft-compauth-fail.eml'), {
      dns: zone,
      settings: { trustedAuthservIds: MICROSOFT },
    });
    assert.deepEqual([...known.keys()], ['AUTH_NONE']);
    // Old mail with no trusted trace: SPF unknown, so absence is not asserted.
    const legacy = await runDetector(dmarcDetector, fixture('legacy-no-auth.eml'), { dns: zone, settings: { trustedAuthservIds: GMAIL } });
    assert.equal(legacy.size, 0);
  });
});
