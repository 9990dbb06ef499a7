/**
 * Every auth fixture through every auth detector, online (fixed zone) and offline, with the
 * expected signals in domain terms. Legitimate mail must show no failure in either case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offlineResolver, zoneResolver } from '../../pipeline/dns.ts';
import { FIXTURE_ZONE, fixture, GMAIL, MICROSOFT, runAuth } from './test-support.ts';

const zone = zoneResolver(FIXTURE_ZONE);

interface Case {
  fixture: string;
  trusted: string[];
  online: string[];
  offline: string[];
}

const CASES: Case[] = [
  {
    fixture: 'gmail-delivered-pass.eml',
    trusted: GMAIL,
    online: ['AUTH_DMARC_PASS', 'AUTH_PROVIDER_DMARC_PASS'],
    offline: ['AUTH_PROVIDER_DMARC_PASS'],
  },
  {
    fixture: 'gmail-spoof-forged-results.eml',
    trusted: GMAIL,
    online: ['AUTH_DMARC_FAIL', 'AUTH_PROVIDER_DMARC_FAIL', 'AUTH_PROVIDER_RESULTS_FORGED', 'AUTH_PROVIDER_SPF_FAIL', 'AUTH_SPF_FAIL'],
    offline: ['AUTH_PROVIDER_DMARC_FAIL', 'AUTH_PROVIDER_RESULTS_FORGED', 'AUTH_PROVIDER_SPF_FAIL'],
  },
  {
    // Without a trusted server the client IP is unknown and Return-Path aligns with From:
    // nothing can be concluded, and nothing is claimed.
    fixture: 'gmail-spoof-forged-results.eml',
    trusted: [],
    online: [],
    offline: [],
  },
  {
    fixture: 'microsoft-compauth-fail.eml',
    trusted: MICROSOFT,
    online: ['AUTH_NONE', 'AUTH_PROVIDER_COMPAUTH_FAIL'],
    offline: ['AUTH_PROVIDER_COMPAUTH_FAIL'],
  },
  {
    fixture: 'microsoft-cross-tenant-pass.eml',
    trusted: MICROSOFT,
    online: ['AUTH_DMARC_PASS', 'AUTH_PROVIDER_DMARC_PASS'],
    offline: ['AUTH_PROVIDER_DMARC_PASS'],
  },
  { fixture: 'legacy-no-auth.eml', trusted: GMAIL, online: [], offline: [] },
  { fixture: 'legacy-no-auth.eml', trusted: [], online: [], offline: [] },
];

describe('auth detectors on the fixtures', () => {
  for (const c of CASES) {
    for (const mode of ['online', 'offline'] as const) {
      it(`${c.fixture}, trusted [${c.trusted.join(' ')}], ${mode}`, async () => {
        const run = await runAuth(fixture(c.fixture), {
          dns: mode === 'online' ? zone : offlineResolver,
          settings: { trustedAuthservIds: c.trusted },
        });
        assert.deepEqual([...run.hits.keys()].sort(), c[mode]);
        for (const [detector, message] of run.errors) {
          assert.match(message, /DNS unavailable/, `${detector} may only fail for DNS`);
        }
        if (mode === 'online') assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
      });
    }
  }
});
