import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHop } from './received.ts';

describe('parseHop', () => {
  it('reads sendmail and Postfix stamps', () => {
    const hop = parseHop('from mail.example.org (mail.example.org [192.0.2.1]) by mx.example.net (Postfix) with ESMTPS id 1');
    assert.deepEqual(hop, { helo: 'mail.example.org', rdns: 'mail.example.org', ip: '192.0.2.1', by: 'mx.example.net', with: 'ESMTPS' });
    assert.equal(parseHop('from host1 (unknown [192.0.2.2]) by mx.example.net with SMTP')?.rdns, 'unknown');
  });

  it('reads Exim, qmail and Microsoft stamps', () => {
    const exim = parseHop('from relay.example.org ([192.0.2.3] helo=box.example.org) by mx.example.net with esmtp');
    assert.equal(exim?.helo, 'box.example.org');
    assert.equal(exim?.rdns, 'relay.example.org');
    const qmail = parseHop('from unknown (HELO pc42) (192.0.2.4) by mx.example.net with SMTP');
    assert.equal(qmail?.helo, 'pc42');
    assert.equal(qmail?.ip, '192.0.2.4');
    const microsoft = parseHop(
      'from abcdefg.xyz1 (192.0.2.5) by AM0PR01.mail.protection.outlook.com (10.1.2.3) with Microsoft SMTP Server',
    );
    assert.deepEqual(microsoft, {
      helo: 'abcdefg.xyz1',
      rdns: '',
      ip: '192.0.2.5',
      by: 'am0pr01.mail.protection.outlook.com',
      with: 'Microsoft',
    });
  });

  it('ignores stamps without a client', () => {
    assert.equal(parseHop('by mx.example.net with SMTP id 123'), undefined);
  });
});
