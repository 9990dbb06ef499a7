import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAuthResults, stampedDmarcPolicy } from './auth-results-parse.ts';

describe('parseAuthResults', () => {
  it("reads Gmail's stamp, keeping the policy comment", () => {
    const parsed = parseAuthResults(
      'mx.google.com;       dkim=pass header.i=@example.com header.s=20221208 header.b=MpAY9caH;       spf=pass (google.com: domain of a@example.com designates 192.0.2.1 as permitted sender) smtp.mailfrom=a@example.com;       dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=example.com',
    );
    assert.equal(parsed.authservId, 'mx.google.com');
    assert.deepEqual(
      parsed.results.map((r) => `${r.method}=${r.result}`),
      ['dkim=pass', 'spf=pass', 'dmarc=fail'],
    );
    assert.equal(parsed.results[0].props['header.i'], '@example.com');
    assert.equal(parsed.results[2].comments[0], 'p=REJECT sp=REJECT dis=QUARANTINE');
    assert.equal(stampedDmarcPolicy(parsed.results[2]), 'reject');
  });

  it("reads Microsoft 365's stamp, which has no authserv-id", () => {
    const parsed = parseAuthResults(
      'spf=pass (sender IP is 52.100.156.204) smtp.mailfrom=bounces+SRS=JHROu=3H@tenant.onmicrosoft.example; dkim=pass (signature was verified) header.d=tenant.onmicrosoft.example;dmarc=fail action=oreject header.from=info.example;compauth=fail reason=001',
    );
    assert.equal(parsed.authservId, '');
    assert.deepEqual(
      parsed.results.map((r) => r.method),
      ['spf', 'dkim', 'dmarc', 'compauth'],
    );
    assert.equal(parsed.results[0].props['smtp.mailfrom'], 'bounces+SRS=JHROu=3H@tenant.onmicrosoft.example');
    assert.equal(parsed.results[3].reason, '001');
    assert.equal(stampedDmarcPolicy(parsed.results[2]), 'reject');
  });

  it('reads ARC-Authentication-Results with instance and version', () => {
    const parsed = parseAuthResults('i=2; mx.microsoft.com 1; spf=pass (sender ip is 192.0.2.7) smtp.mailfrom=x.example; arc=fail (48)', {
      arc: true,
    });
    assert.equal(parsed.instance, 2);
    assert.equal(parsed.authservId, 'mx.microsoft.com');
    assert.deepEqual(
      parsed.results.map((r) => `${r.method}=${r.result}`),
      ['spf=pass', 'arc=fail'],
    );
  });

  it('handles quoted values, method versions, spaces around = and "none"', () => {
    const parsed = parseAuthResults('"example.org" 1; dkim/1 = fail reason="bad; signature" header.b="ab=c"; none');
    assert.equal(parsed.authservId, 'example.org');
    assert.equal(parsed.results.length, 1);
    assert.equal(parsed.results[0].method, 'dkim');
    assert.equal(parsed.results[0].result, 'fail');
    assert.equal(parsed.results[0].reason, 'bad; signature');
    assert.equal(parsed.results[0].props['header.b'], 'ab=c');
  });

  it('never throws on garbage', () => {
    for (const value of ['', ';;;', '((((', '"unterminated', '= = =', 'x'.repeat(50_000)]) {
      assert.doesNotThrow(() => parseAuthResults(value, { arc: true }));
    }
  });
});

describe('stampedDmarcPolicy', () => {
  it('reads policy.dmarc and Microsoft actions', () => {
    const [quarantine] = parseAuthResults('a.example; dmarc=fail policy.dmarc=quarantine header.from=x.example').results;
    const [none] = parseAuthResults('dmarc=fail action=none header.from=x.example').results;
    const [unknown] = parseAuthResults('a.example; dmarc=fail header.from=x.example').results;
    assert.equal(stampedDmarcPolicy(quarantine), 'quarantine');
    assert.equal(stampedDmarcPolicy(none), 'none');
    assert.equal(stampedDmarcPolicy(unknown), undefined);
  });
});
