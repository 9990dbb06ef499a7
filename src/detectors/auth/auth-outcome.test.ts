import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DnsResolver, offlineResolver, zoneResolver } from '../../pipeline/dns.ts';
import { contextFor } from '../../pipeline/testing.ts';
import { authOutcome } from './auth-outcome.ts';
import { spfDetector } from './spf.ts';
import { dkimSigned, FIXTURE_ZONE, fixture, GMAIL, rsaKey, runAuth } from './test-support.ts';

const zone = zoneResolver(FIXTURE_ZONE);

describe('auth outcome (shared mailauth evaluation)', () => {
  it('is computed once per message and asks DNS only through ctx.dns', async () => {
    const asked: string[] = [];
    const counting: DnsResolver = (name, rrtype) => {
      asked.push(`${rrtype} ${name}`);
      return zone(name, rrtype);
    };
    const ctx = await contextFor(fixture('gmail-delivered-pass.eml'), { dns: counting, settings: { trustedAuthservIds: GMAIL } });
    const first = authOutcome(ctx);
    assert.equal(authOutcome(ctx), first, 'the pending Promise itself is shared');
    const outcome = await first;
    // shop.example exists only in the test zone: a pass proves the injected resolver was used.
    assert.equal(outcome.spf.evaluated && outcome.spf.result, 'pass');
    assert.equal(new Set(asked).size, asked.length, 'no query asked twice');
  });

  it("takes the client IP from the trusted server's Received field, and the sender from Return-Path", async () => {
    const ctx = await contextFor(fixture('gmail-delivered-pass.eml'), { dns: zone, settings: { trustedAuthservIds: GMAIL } });
    const { spf, dmarc } = await authOutcome(ctx);
    assert.ok(spf.evaluated);
    assert.equal(spf.clientIp, '198.51.100.25');
    assert.equal(spf.ipSource, 'received');
    assert.equal(spf.domain, 'shop.example');
    assert.equal(dmarc.result, 'pass');
  });

  it('prefers the envelope when it has the client IP', async () => {
    const ctx = await contextFor(fixture('gmail-delivered-pass.eml'), {
      dns: zone,
      settings: { trustedAuthservIds: GMAIL },
      envelope: { clientIp: '203.0.113.99', mailFrom: 'newsletter@shop.example', rcptTo: ['alice@customer.example'] },
    });
    const { spf } = await authOutcome(ctx);
    assert.ok(spf.evaluated);
    assert.equal(spf.ipSource, 'envelope');
    assert.equal(spf.result, 'fail');
  });

  it('does not evaluate SPF without a trusted source, and then does not call DMARC failed', async () => {
    const ctx = await contextFor(fixture('gmail-spoof-forged-results.eml'), { dns: zone });
    const { spf, dmarc } = await authOutcome(ctx);
    assert.equal(spf.evaluated, false);
    // From and Return-Path are both bank.example: an SPF pass could have made DMARC pass.
    assert.equal(dmarc.result, 'unverified');

    // With an envelope sender of another domain, SPF could never align: the fail stands.
    const unaligned = fixture('gmail-spoof-forged-results.eml').replace(
      'Return-Path: <alerts@bank.example>',
      'Return-Path: <x@bulkhost.test>',
    );
    const outcome = await authOutcome(await contextFor(unaligned, { dns: zone }));
    assert.equal(outcome.dmarc.result, 'fail');
    assert.equal(outcome.dmarc.policy, 'reject');
  });

  it('turns every check into a temperror offline, with the DNS errors recorded', async () => {
    const ctx = await contextFor(fixture('gmail-delivered-pass.eml'), { dns: offlineResolver, settings: { trustedAuthservIds: GMAIL } });
    const outcome = await authOutcome(ctx);
    assert.equal(outcome.spf.evaluated && outcome.spf.result, 'temperror');
    assert.equal(outcome.dmarc.result, 'temperror');
    assert.match(outcome.dnsErrors.join(' '), /ECONNREFUSED/);
  });

  it('does not call DMARC failed when the aligned DKIM key could not be fetched', async () => {
    const key = rsaKey();
    const flaky: DnsResolver = async (name, rrtype) => {
      if (name.includes('._domainkey.')) throw Object.assign(new Error(`timeout ${name}`), { code: 'ETIMEOUT' });
      return zone(name, rrtype);
    };
    const raw = await dkimSigned(fixture('dkim-base.eml'), 'signer.example', 's1', key);
    const run = await runAuth(raw, {
      dns: flaky,
      envelope: { clientIp: '203.0.113.5', mailFrom: 'alice@signer.example', rcptTo: ['bob@customer.example'] },
    });
    assert.equal(run.hits.has('AUTH_DMARC_FAIL'), false);
    assert.match(run.errors.get('auth.dmarc') ?? '', /DNS unavailable/);
    assert.equal(run.hits.has('AUTH_SPF_FAIL'), true, 'SPF itself did fail: that is a fact');
  });

  it('stops waiting when the detector is aborted (DNS that never answers)', async () => {
    const silent: DnsResolver = () => new Promise(() => {});
    const ctx = await contextFor(fixture('gmail-delivered-pass.eml'), { dns: silent, settings: { trustedAuthservIds: GMAIL } });
    const controller = new AbortController();
    const running = Promise.resolve(spfDetector.run(ctx, controller.signal));
    setTimeout(() => controller.abort(new Error('timed out')), 20);
    await assert.rejects(running, /timed out/);
  });
});
