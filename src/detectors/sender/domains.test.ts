import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainOfAddress, hasPublicSuffix, relatedDomains, siteOf } from './domains.ts';

describe('sender domains', () => {
  it('reduces hosts to their registrable domain', () => {
    assert.equal(siteOf('mail.fabrikam.co.uk'), 'fabrikam.co.uk');
    assert.equal(siteOf('eu-west-1.amazonses.com'), 'amazonses.com');
    assert.equal(siteOf('localhost'), 'localhost');
  });

  it('tells real domains from host names', () => {
    assert.equal(hasPublicSuffix('fabrikam.com'), true);
    assert.equal(hasPublicSuffix('ubuntu-s-1vcpu-1gb-sfo3-06'), false);
    assert.equal(hasPublicSuffix('mr.wood'), false);
    assert.equal(hasPublicSuffix('192.0.2.1'), false);
  });

  it('relates the same organisation across subdomains, suffixes, brand domains and longer names', () => {
    assert.equal(relatedDomains('em.fabrikam.com', 'fabrikam.com'), true);
    assert.equal(relatedDomains('fabrikam.de', 'fabrikam.com'), true);
    assert.equal(relatedDomains('paypal-communication.com', 'paypal.com'), true);
    assert.equal(relatedDomains('fabrikam-mail.com', 'fabrikam.com'), true);
  });

  it('keeps unrelated organisations apart', () => {
    assert.equal(relatedDomains('contoso.com', 'fabrikam.com'), false);
    assert.equal(relatedDomains('abc.com', 'abcd-shop.com'), false);
    assert.equal(relatedDomains('', 'fabrikam.com'), false);
  });

  it('takes the domain after the last @', () => {
    assert.equal(domainOfAddress('bounce+x=victim@pot@Mail.Example.NET'), 'mail.example.net');
    assert.equal(domainOfAddress('no-domain'), '');
  });
});
