import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextFor } from '../../pipeline/testing.ts';
import { fixture, GMAIL, MICROSOFT } from './test-support.ts';
import { findTrustBoundary, matchesTrusted } from './trust-boundary.ts';

async function boundaryOf(raw: string, patterns: string[]) {
  const ctx = await contextFor(raw);
  return { boundary: findTrustBoundary(ctx.message.headers, patterns), headers: ctx.message.headers };
}

const GMAIL_TOP = 'Received: by 2002:a05:6a10:1a4d:b0:5a1:2b3c:4d5e with SMTP id k1;\r\n Mon, 2 Nov 2026 09:00:02 -0800\r\n';
const BODY = 'From: a@sender.example\r\nTo: b@customer.example\r\nSubject: s\r\n\r\nbody\r\n';

describe('matchesTrusted', () => {
  it('matches exact ids and subdomains of *. patterns only', () => {
    assert.equal(matchesTrusted('MX.Google.com.', ['mx.google.com']), true);
    assert.equal(matchesTrusted('a.b.prod.outlook.com', ['*.prod.outlook.com']), true);
    assert.equal(matchesTrusted('prod.outlook.com', ['*.prod.outlook.com']), false);
    assert.equal(matchesTrusted('evilprod.outlook.com', ['*.prod.outlook.com']), false);
    assert.equal(matchesTrusted('mx.google.com.evil.test', ['mx.google.com']), false);
    assert.equal(matchesTrusted('', ['*.']), false);
  });
});

describe('findTrustBoundary', () => {
  it("finds Gmail's edge below its internal hop, and its results stamped right below it", async () => {
    const { boundary, headers } = await boundaryOf(fixture('gmail-delivered-pass.eml'), GMAIL);
    assert.equal(boundary?.client?.ip, '198.51.100.25');
    assert.equal(boundary?.client?.helo, 'mail.shop.example');
    assert.equal(boundary?.via, 'provider-ip');
    assert.equal(headers[boundary!.regionEnd].key, 'authentication-results');
  });

  it('ends the region before a second Authentication-Results the sender wrote', async () => {
    const { boundary, headers } = await boundaryOf(fixture('gmail-spoof-forged-results.eml'), GMAIL);
    assert.equal(boundary?.client?.ip, '203.0.113.66');
    const stamps = headers.flatMap((h, i) => (h.key === 'authentication-results' ? [i] : []));
    assert.equal(stamps.length, 2);
    assert.equal(boundary?.regionEnd, stamps[0]);
  });

  it('picks the hop whose IP Microsoft stated, not an internal hop of the sending tenant', async () => {
    const { boundary } = await boundaryOf(fixture('microsoft-cross-tenant-pass.eml'), MICROSOFT);
    assert.equal(boundary?.client?.ip, '40.107.22.95');
    assert.equal(boundary?.via, 'provider-ip');
    assert.equal(boundary?.edge.byHost, 'db5pepf00014b8f.mail.protection.outlook.com');
  });

  it('has no boundary without trusted ids, or when the provider is not in the path', async () => {
    assert.equal((await boundaryOf(fixture('gmail-delivered-pass.eml'), [])).boundary, undefined);
    assert.equal((await boundaryOf(fixture('legacy-no-auth.eml'), GMAIL)).boundary, undefined);
    // A sender-written hop "by mx.google.com" below a real, untrusted hop does not count.
    const forgedBelow =
      'Received: from relay.other.example (relay.other.example [192.0.2.9]) by mx.other.example; Mon, 2 Nov 2026 09:00:00 +0000\r\n' +
      'Received: from good.example (good.example [198.51.100.1]) by mx.google.com; Mon, 2 Nov 2026 08:59:00 +0000\r\n' +
      BODY;
    assert.equal((await boundaryOf(forgedBelow, GMAIL)).boundary, undefined);
  });

  it('judges a client by the reverse-DNS name its receiver recorded, not the HELO it claimed', async () => {
    const raw = `${GMAIL_TOP}Received: from mx.google.com (dsl-7.isp.example. [203.0.113.7]) by mx.google.com with ESMTP id q1; Mon, 2 Nov 2026 09:00:01 -0800\r\n${BODY}`;
    const { boundary } = await boundaryOf(raw, GMAIL);
    assert.equal(boundary?.client?.ip, '203.0.113.7');
  });

  it('leaves the client unknown when the walk ends inside the provider', async () => {
    // The edge's client IP is the `by` address of the next hop down: a provider host the
    // patterns do not name. Using it would check SPF against the provider's own address.
    const raw =
      'Received: from DB9PR01CA0011.eurprd01.prod.exchangelabs.com (2603:10a6:10:1d8::16) by DM6PR19MB3801.namprd19.prod.outlook.com (2603:10b6:5:22b::21) with Microsoft SMTP Server; Tue, 22 Aug 2023 21:38:31 +0000\r\n' +
      'Received: from DB8EUR06FT023.eop-eur06.prod.protection.outlook.com (2603:10a6:10:1d8:cafe::96) by DB9PR01CA0011.outlook.office365.com (2603:10a6:10:1d8::16) with Microsoft SMTP Server; Tue, 22 Aug 2023 21:38:30 +0000\r\n' +
      'Received: from mail.sender.example (203.0.113.10) by DB8EUR06FT023.mail.protection.outlook.com (10.233.253.45) with Microsoft SMTP Server; Tue, 22 Aug 2023 21:38:30 +0000\r\n' +
      BODY;
    const { boundary } = await boundaryOf(raw, ['*.outlook.com', '*.office365.com']);
    assert.ok(boundary);
    assert.equal(boundary.client, undefined);
  });

  it('leaves the client unknown when the provider states a different client IP above the edge', async () => {
    const raw =
      'Authentication-Results: spf=pass (sender IP is 192.0.2.200) smtp.mailfrom=sender.example\r\n' +
      'Received: from mail.sender.example (198.51.100.3) by AM4PEPF00027A5C.mail.protection.outlook.com (10.167.16.70) with Microsoft SMTP Server; Mon, 2 Nov 2026 09:20:03 +0000\r\n' +
      BODY;
    const { boundary } = await boundaryOf(raw, MICROSOFT);
    assert.ok(boundary);
    assert.equal(boundary.client, undefined);
  });

  it('does not let a field below the edge switch the client off', async () => {
    const raw =
      'Received: from mail.sender.example (198.51.100.3) by AM4PEPF00027A5C.mail.protection.outlook.com (10.167.16.70) with Microsoft SMTP Server; Mon, 2 Nov 2026 09:20:03 +0000\r\n' +
      'Received-SPF: pass (spoofed) client-ip=192.0.2.200;\r\n' +
      BODY;
    const { boundary } = await boundaryOf(raw, MICROSOFT);
    assert.equal(boundary?.client?.ip, '198.51.100.3');
  });
});
