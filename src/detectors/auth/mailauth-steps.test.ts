import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { authenticate, dkimSign } from 'mailauth';
import { type DnsResolver, offlineResolver, zoneResolver } from '../../pipeline/dns.ts';
import { type AuthOptions, type AuthResult, authenticateMessage } from './mailauth-steps.ts';
import { dkimSigned, FIXTURE_ZONE, fixture, rsaKey, type TestKey } from './test-support.ts';

/** What the auth detectors read of a result: every status, comment and body hash. */
function facts(result: AuthResult) {
  return {
    dkim: result.dkim.results.map((r) => ({ d: r.signingDomain, s: r.selector, status: r.status, bodyHash: r.bodyHash, info: r.info })),
    spf: result.spf ? { domain: result.spf.domain, status: result.spf.status } : undefined,
    dmarc: result.dmarc ? { status: result.dmarc.status, policy: result.dmarc.policy } : undefined,
    dmarcSkipReason: result.dmarcSkipReason,
    arc: result.arc ? { status: result.arc.status, i: result.arc.i } : undefined,
  };
}

async function assertSameAsAuthenticate(message: string, dns: DnsResolver, client: Partial<AuthOptions> = {}) {
  const options = {
    resolver: dns as never,
    mta: 'mailward',
    disableBimi: true,
    maxElapsedTime: 4000,
    ...client,
  } as AuthOptions;
  const bytes = Buffer.from(message, 'latin1');
  const expected = facts(await authenticate(bytes, options));
  const actual = facts(await authenticateMessage(bytes, options));
  assert.deepEqual(actual, expected);
  return actual;
}

describe('authenticateMessage (mailauth taken step by step)', () => {
  let key: TestKey;
  let signed: string;
  let dns: DnsResolver;
  before(async () => {
    key = rsaKey();
    signed = await dkimSigned(fixture('dkim-base.eml'), 'signer.example', 's1', key);
    dns = zoneResolver({ ...FIXTURE_ZONE, 's1._domainkey.signer.example': { TXT: [[key.record]] } });
  });

  it('verifies an intact signature as authenticate does, online and offline', async () => {
    const online = await assertSameAsAuthenticate(signed, dns, { ip: '192.0.2.10', sender: 'alice@signer.example' });
    assert.equal(online.dkim[0].status.result, 'pass');
    assert.equal(online.dmarc?.status.result, 'pass');
    const offline = await assertSameAsAuthenticate(signed, offlineResolver);
    assert.equal(offline.dkim[0].status.result, 'temperror');
  });

  it('finds a changed body without DNS, whatever the line endings', async () => {
    const tampered = signed.replace('account 1234', 'account 9999');
    for (const message of [tampered, tampered.replace(/\r\n/g, '\n'), tampered.replace(/\r\n(?=\r\n)/g, '\n')]) {
      const result = await assertSameAsAuthenticate(message, offlineResolver);
      assert.equal(result.dkim[0].status.comment, 'body hash did not verify');
    }
  });

  it('canonicalises whitespace, trailing empty lines and bare LFs alike (relaxed and simple, with l=)', async () => {
    const body = 'Hi Bob,\n\n\tthe report  is ready.  \r\n\nline with LF only\n\n\n';
    const message = `${fixture('dkim-base.eml').split('\r\n\r\n')[0]}\r\n\r\n${body}`;
    for (const canonicalization of ['relaxed/relaxed', 'simple/simple', 'relaxed/simple']) {
      for (const maxBodyLength of [undefined, 10]) {
        const signature = { signingDomain: 'signer.example', selector: 's1', privateKey: key.privateKey, canonicalization, maxBodyLength };
        const result = await dkimSign(message, { signatureData: [signature] } as never);
        const signedMessage = result.signatures + message;
        await assertSameAsAuthenticate(signedMessage, dns);
        await assertSameAsAuthenticate(signedMessage.replace('is ready', 'is  ready'), dns);
      }
    }
  });

  it('reads unsigned mail, mail without a body and mail without a header end like authenticate', async () => {
    const unsigned = await assertSameAsAuthenticate(fixture('dkim-base.eml'), dns, { ip: '192.0.2.10', sender: 'alice@signer.example' });
    assert.equal(unsigned.dkim[0].status.result, 'none');
    assert.equal(unsigned.spf?.status.result, 'pass');
    await assertSameAsAuthenticate(signed.split('\r\n\r\n')[0], dns);
    await assertSameAsAuthenticate(`${signed.split('\r\n\r\n')[0]}\r\n\r\n`, dns);
    await assertSameAsAuthenticate(`\r\n${signed}`, dns);
  });
});
