import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embeddedUrls, hostFacts } from './link-facts.ts';

describe('link facts', () => {
  it('finds URLs carried in a query, encoded, escaped or in base64', () => {
    assert.deepEqual(embeddedUrls('https://www.google.com/url?q=https%3A%2F%2Fevil.example%2Fa&sa=D'), ['https://evil.example/a']);
    assert.deepEqual(embeddedUrls('https://t.example/r?u=https://shop.example/x&e=1'), ['https://shop.example/x']);
    assert.deepEqual(embeddedUrls('https://www.bing.com/ck/a?!&&p=1&u=a1aHR0cHM6Ly9wYXJjZWwtZmVlLmV4YW1wbGUvcGF5&ntb=1'), [
      'https://parcel-fee.example/pay',
    ]);
    assert.deepEqual(embeddedUrls('https://shop.example/products/jackets?size=m'), []);
  });

  it('tells registrable domains, private-suffix sites and IPs apart', () => {
    assert.deepEqual(hostFacts('owa-login.web.app'), {
      host: 'owa-login.web.app',
      domain: 'web.app',
      site: 'owa-login.web.app',
      isIp: false,
      resolvable: true,
    });
    assert.equal(hostFacts('203.0.113.7').isIp, true);
    assert.equal(hostFacts('2001:db8::1').isIp, true);
    assert.equal(hostFacts('www.example.garbledtld').resolvable, false);
  });
});
