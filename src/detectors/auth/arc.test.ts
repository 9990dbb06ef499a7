import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { authenticate } from 'mailauth';
import { offlineResolver, zoneResolver } from '../../pipeline/dns.ts';
import { contextFor, runDetector } from '../../pipeline/testing.ts';
import { arcDetector } from './arc.ts';
import { dkimSigned, FIXTURE_ZONE, fixture, rsaKey } from './test-support.ts';

describe('auth.arc', () => {
  let sealed: string;
  let dns: ReturnType<typeof zoneResolver>;
  before(async () => {
    const author = rsaKey();
    const sealer = rsaKey();
    dns = zoneResolver({
      ...FIXTURE_ZONE,
      's1._domainkey.signer.example': { TXT: [[author.record]] },
      'arc._domainkey.lists.example': { TXT: [[sealer.record]] },
    });
    const signed = await dkimSigned(fixture('dkim-base.eml'), 'signer.example', 's1', author);
    // A list server authenticates the message and seals its results (ARC set i=1).
    const seal = { signingDomain: 'lists.example', selector: 'arc', privateKey: sealer.privateKey };
    const result = await authenticate(signed, {
      resolver: dns as never,
      ip: '192.0.2.10',
      sender: 'alice@signer.example',
      mta: 'mx.lists.example',
      seal,
    });
    sealed = result.headers + signed;
  });

  it('stays quiet on an intact chain and on mail without ARC', async () => {
    assert.equal((await runDetector(arcDetector, sealed, { dns })).size, 0);
    assert.equal((await runDetector(arcDetector, fixture('dkim-base.eml'), { dns })).size, 0);
  });

  it('fires when the message was changed after it was sealed', async () => {
    const hits = await runDetector(arcDetector, sealed.replace('Subject: Quarterly report', 'Subject: Pay today'), { dns });
    assert.match(hits.get('AUTH_ARC_FAIL')!.evidence[0], /^arc=fail at i=1/);
  });

  it('records a temperror, not a failure, when the seal keys cannot be fetched', async () => {
    for (const raw of [sealed, sealed.replace('Subject: Quarterly report', 'Subject: Pay today')]) {
      const ctx = await contextFor(raw, { dns: offlineResolver });
      await assert.rejects(Promise.resolve(arcDetector.run(ctx, new AbortController().signal)), { code: 'DNS_TEMPERROR' });
    }
  });
});
