import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SignalHit } from '../../core/signal.ts';
import { contextFor } from '../../pipeline/testing.ts';
import { languageDetectors } from './index.ts';

const FIXTURES = new URL('../../../test/fixtures/language/', import.meta.url);

async function languageHits(name: string): Promise<Map<string, SignalHit>> {
  const ctx = await contextFor(readFileSync(new URL(name, FIXTURES)));
  const hits = await Promise.all(languageDetectors.map((d) => d.run(ctx, new AbortController().signal)));
  return new Map(hits.flat().map((hit) => [hit.id, hit]));
}

/** Each lure fixture: the signals that must fire, with one piece of evidence each must name. */
const LURES: Record<string, Record<string, string>> = {
  'en-mailbox-full.eml': {
    LANG_CREDENTIAL_REQUEST: 'your mailbox is full',
    LANG_URGENCY_THREAT: 'failure to verify',
    LANG_BRAND_IMPERSONATION: 'Webmail',
  },
  'en-signin-homoglyph.eml': { LANG_CREDENTIAL_REQUEST: 'unusual sign-in activity', LANG_BRAND_IMPERSONATION: 'Microsoft' },
  'en-gift-card-ceo.eml': { LANG_GIFT_CARD_REQUEST: 'scratch the back', LANG_TASK_PRETEXT: 'i need a quick favour' },
  'en-wire-transfer.eml': { LANG_WIRE_TRANSFER_REQUEST: 'before the close of banking hours' },
  'en-bank-details-change.eml': { LANG_BANK_DETAILS_CHANGE: 'our banking details have changed' },
  'en-overdue-invoice.eml': { LANG_INVOICE_PAYMENT_REQUEST: 'overdue invoice' },
  'en-advance-fee.eml': { LANG_ADVANCE_FEE_SCAM: 'next of kin' },
  'en-sextortion.eml': { LANG_EXTORTION: 'i have hacked your device' },
  'en-prize-survey.eml': { LANG_PRIZE_LURE: 'claim your reward' },
  'pt-conta-bloqueada.eml': { LANG_CREDENTIAL_REQUEST: 'atualize seus dados', LANG_URGENCY_THREAT: 'conta sera bloqueada' },
  'es-paquete-retenido.eml': { LANG_DELIVERY_FEE_LURE: 'tasa de aduana' },
  'fr-mot-de-passe.eml': { LANG_CREDENTIAL_REQUEST: 'votre mot de passe expire', LANG_URGENCY_THREAT: 'compte sera suspendu' },
  'de-konto-gesperrt.eml': {
    LANG_CREDENTIAL_REQUEST: 'bestatigen sie ihre daten',
    LANG_URGENCY_THREAT: 'konto wurde vorubergehend gesperrt',
  },
};

for (const [fixture, expected] of Object.entries(LURES)) {
  test(`${fixture}: ${Object.keys(expected).join(', ')}`, async () => {
    const hits = await languageHits(fixture);
    for (const [id, words] of Object.entries(expected)) {
      const hit = hits.get(id);
      assert.ok(hit, `${id} should fire on ${fixture}; fired: ${[...hits.keys()].join(', ') || 'nothing'}`);
      assert.ok(
        hit.evidence.some((e) => e.includes(words)),
        `${id} evidence should mention "${words}": ${hit.evidence.join(' ; ')}`,
      );
      assert.ok((hit.factor ?? 1) > 0 && (hit.factor ?? 1) <= 1);
    }
  });
}

test('the payment lures do not also read as the wrong scheme', async () => {
  assert.equal((await languageHits('en-bank-details-change.eml')).has('LANG_GIFT_CARD_REQUEST'), false);
  assert.equal((await languageHits('en-gift-card-ceo.eml')).has('LANG_BANK_DETAILS_CHANGE'), false);
  assert.equal((await languageHits('en-prize-survey.eml')).has('LANG_GIFT_CARD_REQUEST'), false);
});

for (const fixture of ['ham-list-password-policy.eml', 'ham-newsletter.eml', 'ham-paypal-receipt.eml', 'ham-pt-newsletter.eml']) {
  test(`${fixture}: legitimate mail stays quiet`, async () => {
    const hits = await languageHits(fixture);
    assert.deepEqual([...hits.keys()], []);
  });
}

test('ham-colleague-request.eml: a meeting request with a response time raises at most a faint deadline', async () => {
  const hits = await languageHits('ham-colleague-request.eml');
  assert.deepEqual(
    [...hits.keys()].filter((id) => id !== 'LANG_URGENCY_THREAT'),
    [],
  );
  assert.ok((hits.get('LANG_URGENCY_THREAT')?.factor ?? 0) <= 0.25);
});
