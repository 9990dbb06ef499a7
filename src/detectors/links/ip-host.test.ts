import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { ipHostDetector, isLocalIp, rawAuthority } from './ip-host.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.ip-host', () => {
  it('flags IP hosts, an IP written as one number, and a host disguised before @', async () => {
    const hits = await runDetector(ipHostDetector, readFixture('mailbox-quota-ip-host'));
    assert.deepEqual(hits.get('URL_IP_HOST')?.evidence, ['203.0.113.45', '203.0.113.7', '198.51.100.7']);
    assert.deepEqual(hits.get('URL_ENCODED_IP_HOST')?.evidence, ['3405803783 = 203.0.113.7']);
    assert.deepEqual(hits.get('URL_USERINFO_HOST')?.evidence, ['www.office.com@198.51.100.7']);
    assert.equal(hits.get('URL_USERINFO_HOST')?.factor, undefined);
  });

  it('reads hex, octal and IPv6 hosts', async () => {
    const hits = await runDetector(
      ipHostDetector,
      htmlMessage(
        '<a href="http://0xcb.0x0.0x71.0x2d/a">x</a> <a href="http://0313.0.0161.055/">y</a> <a href="http://[2001:db8::7]/z">z</a>',
      ),
    );
    assert.deepEqual(hits.get('URL_ENCODED_IP_HOST')?.evidence, ['0xcb.0x0.0x71.0x2d = 203.0.113.45', '0313.0.0161.055 = 203.0.113.45']);
    assert.ok(hits.get('URL_IP_HOST')?.evidence.includes('2001:db8::7'));
  });

  it('weighs local addresses and plain login names little', async () => {
    const hits = await runDetector(
      ipHostDetector,
      htmlMessage('<a href="http://192.168.1.1/setup">router</a> <a href="ftp://anonymous@ftp.example.org/pub/">ftp</a>'),
    );
    assert.equal(hits.get('URL_IP_HOST')?.factor, 0.2);
    assert.equal(hits.get('URL_USERINFO_HOST')?.factor, 0.3);
  });

  it('stays quiet on ordinary links', async () => {
    const hits = await runDetector(ipHostDetector, readFixture('newsletter-click-tracking'));
    assert.equal(hits.size, 0);
  });

  it('parses the authority as written', () => {
    assert.deepEqual(rawAuthority('https://user:pw@Example.COM:8443/path'), { userinfo: 'user:pw', host: 'example.com' });
    assert.deepEqual(rawAuthority('http://[::1]:80/'), { userinfo: '', host: '::1' });
    assert.equal(rawAuthority('mailto:a@example.com'), undefined);
    assert.equal(isLocalIp('10.1.2.3'), true);
    assert.equal(isLocalIp('203.0.113.1'), false);
  });
});
