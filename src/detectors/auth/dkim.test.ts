import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { offlineResolver, zoneResolver } from '../../pipeline/dns.ts';
import { contextFor, runDetector } from '../../pipeline/testing.ts';
import { dkimDetector } from './dkim.ts';
import { dkimSigned, FIXTURE_ZONE, fixture, rsaKey, type TestKey } from './test-support.ts';

describe('auth.dkim', () => {
  let key: TestKey;
  let signed: string;
  let dns: ReturnType<typeof zoneResolver>;
  before(async () => {
    key = rsaKey();
    signed = await dkimSigned(fixture('dkim-base.eml'), 'signer.example', 's1', key);
    dns = zoneResolver({ ...FIXTURE_ZONE, 's1._domainkey.signer.example': { TXT: [[key.record]] } });
  });

  it('stays quiet on an intact signature and on unsigned mail', async () => {
    assert.equal((await runDetector(dkimDetector, signed, { dns })).size, 0);
    assert.equal((await runDetector(dkimDetector, fixture('dkim-base.eml'), { dns })).size, 0);
    assert.equal((await runDetector(dkimDetector, fixture('legacy-no-auth.eml'))).size, 0);
  });

  it('reports a body changed after signing, online and offline', async () => {
    const tampered = signed.replace('account 1234', 'account 9999');
    for (const resolver of [dns, offlineResolver]) {
      const hits = await runDetector(dkimDetector, tampered, { dns: resolver });
      assert.deepEqual([...hits.keys()], ['AUTH_DKIM_BODY_HASH_MISMATCH']);
      assert.match(hits.get('AUTH_DKIM_BODY_HASH_MISMATCH')!.evidence[0], /d=signer\.example s=s1: neutral \(body hash did not verify\)/);
    }
  });

  it('reports a signed header changed after signing', async () => {
    const tampered = signed.replace('Subject: Quarterly report', 'Subject: Urgent: new bank details');
    const hits = await runDetector(dkimDetector, tampered, { dns });
    assert.deepEqual([...hits.keys()], ['AUTH_DKIM_FAIL']);
    assert.equal(hits.get('AUTH_DKIM_FAIL')?.factor, 1);
    assert.match(hits.get('AUTH_DKIM_FAIL')!.evidence[0], /bad signature/);
  });

  it('records a temperror, not a failure, when the key cannot be fetched', async () => {
    const tampered = signed.replace('Subject: Quarterly report', 'Subject: Urgent: new bank details');
    const ctx = await contextFor(tampered, { dns: offlineResolver });
    await assert.rejects(Promise.resolve(dkimDetector.run(ctx, new AbortController().signal)), { code: 'DNS_TEMPERROR' });
  });

  it('weighs a signature without a published key lower (fake, or key rotated away)', async () => {
    const hits = await runDetector(dkimDetector, signed, { dns: zoneResolver(FIXTURE_ZONE) });
    assert.equal(hits.get('AUTH_DKIM_FAIL')?.factor, 0.3);
    assert.match(hits.get('AUTH_DKIM_FAIL')!.evidence[0], /no key/);
  });

  it('weighs failures lower when another signature verifies (a list re-signed the message)', async () => {
    const listKey = rsaKey();
    const both = await dkimSigned(
      signed.replace('Subject: Quarterly report', 'Subject: [team] Quarterly report'),
      'lists.example',
      'list',
      listKey,
    );
    const zone = zoneResolver({
      ...FIXTURE_ZONE,
      's1._domainkey.signer.example': { TXT: [[key.record]] },
      'list._domainkey.lists.example': { TXT: [[listKey.record]] },
    });
    const hit = (await runDetector(dkimDetector, both, { dns: zone })).get('AUTH_DKIM_FAIL');
    assert.equal(hit?.factor, 0.3);
    assert.match(hit!.evidence.at(-1)!, /another signature verified: d=lists\.example/);
  });
});
