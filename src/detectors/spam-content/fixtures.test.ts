import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SignalHit } from '../../core/signal.ts';
import { contextFor } from '../../pipeline/testing.ts';
import { spamContentDetectors } from './index.ts';

const FIXTURES = new URL('../../../test/fixtures/spam-content/', import.meta.url);

async function spamHits(name: string): Promise<Map<string, SignalHit>> {
  const ctx = await contextFor(readFileSync(new URL(name, FIXTURES)));
  const hits = await Promise.all(spamContentDetectors.map((d) => d.run(ctx, new AbortController().signal)));
  return new Map(hits.flat().map((hit) => [hit.id, hit]));
}

/** Each lure fixture: exactly the signals that must fire, with one piece of evidence each must name. */
const LURES: Record<string, Record<string, string>> = {
  'en-diet-miracle.eml': { SPAM_HEALTH_MIRACLE: 'doctors hate', SPAM_MARKETING_PRESSURE: '100% risk-free' },
  'es-adelgazar.eml': { SPAM_HEALTH_MIRACLE: 'pierde hasta 12 kilos' },
  'de-singles.eml': { SPAM_DATING_ADULT: 'singles in ihrer nahe' },
  'en-crypto-platform.eml': { SPAM_GAMBLING_INVESTMENT: 'ai-driven bitcoin earning platform' },
  'de-casino-bonus.eml': { SPAM_GAMBLING_INVESTMENT: '200 freispiele' },
  'en-loan-offer.eml': { SPAM_LOAN_DEBT: 'bad credit accepted' },
  'pt-emprestimo.eml': { SPAM_LOAN_DEBT: 'oferta de emprestimo' },
  'en-solar-leadgen.eml': { SPAM_LEADGEN_OFFER: 'homeowners in your zip code' },
  'nl-zonnepanelen.eml': { SPAM_LEADGEN_OFFER: 'vrijblijvend offertes' },
  'en-seo-pitch.eml': { SPAM_SEO_SERVICES: 'your website is not ranking on the first page' },
  'en-replica-watches.eml': { SPAM_REPLICA_GOODS: 'rolex replicas' },
  'en-membership-expired.eml': { SPAM_EXPIRY_LURE: 'free extension' },
  'pt-pontos-expiram.eml': { SPAM_EXPIRY_LURE: 'pontos expiram' },
};

for (const [fixture, expected] of Object.entries(LURES)) {
  test(`${fixture}: ${Object.keys(expected).join(', ')}`, async () => {
    const hits = await spamHits(fixture);
    assert.deepEqual([...hits.keys()].sort(), Object.keys(expected).sort(), 'no other spam category should fire');
    for (const [id, words] of Object.entries(expected)) {
      const hit = hits.get(id);
      assert.ok(hit);
      assert.ok(
        hit.evidence.some((e) => e.includes(words)),
        `${id} evidence should mention "${words}": ${hit.evidence.join(' ; ')}`,
      );
      assert.ok((hit.factor ?? 1) >= 0.5 && (hit.factor ?? 1) <= 1);
    }
  });
}

for (const fixture of [
  'ham-retail-newsletter.eml',
  'ham-travel-deals.eml',
  'ham-health-news.eml',
  'ham-list-web-dev.eml',
  'ham-bank-loan-statement.eml',
  'ham-subscription-renewal.eml',
]) {
  test(`${fixture}: legitimate mail stays quiet`, async () => {
    assert.deepEqual([...(await spamHits(fixture)).keys()], []);
  });
}
