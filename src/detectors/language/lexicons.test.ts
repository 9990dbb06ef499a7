import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileLexicon, type Phrase } from './lexicon.ts';
import { ADVANCE_FEE_PHRASES } from './lexicons/advance-fee.ts';
import { CREDENTIAL_REQUEST_PHRASES } from './lexicons/credential-request.ts';
import { DELIVERY_FEE_PHRASES } from './lexicons/delivery-fee.ts';
import { EXTORTION_PHRASES } from './lexicons/extortion.ts';
import {
  BANK_DETAILS_CHANGE_PHRASES,
  GIFT_CARD_PHRASES,
  INVOICE_PAYMENT_PHRASES,
  WIRE_TRANSFER_PHRASES,
} from './lexicons/payment-request.ts';
import { PRIZE_LURE_PHRASES } from './lexicons/prize-lure.ts';
import { TASK_PRETEXT_PHRASES } from './lexicons/task-pretext.ts';
import { URGENCY_THREAT_PHRASES } from './lexicons/urgency-threat.ts';
import { normaliseForMatching } from './normalise.ts';

const LEXICONS: Record<string, readonly Phrase[]> = {
  ADVANCE_FEE_PHRASES,
  CREDENTIAL_REQUEST_PHRASES,
  DELIVERY_FEE_PHRASES,
  EXTORTION_PHRASES,
  BANK_DETAILS_CHANGE_PHRASES,
  GIFT_CARD_PHRASES,
  INVOICE_PAYMENT_PHRASES,
  WIRE_TRANSFER_PHRASES,
  PRIZE_LURE_PHRASES,
  TASK_PRETEXT_PHRASES,
  URGENCY_THREAT_PHRASES,
};

test('every lexicon compiles', () => {
  for (const [name, phrases] of Object.entries(LEXICONS)) assert.doesNotThrow(() => compileLexicon(name, phrases), name);
});

test('phrases are written in normalised form, or they could never match', () => {
  for (const [name, phrases] of Object.entries(LEXICONS)) {
    for (const { pattern } of phrases) {
      // Escapes like \\d and \\$ are not text; the rest must survive normalisation unchanged.
      const literal = pattern.replace(/\\./g, '');
      assert.equal(normaliseForMatching(literal), literal.trim().replace(/\s+/g, ' '), `${name}: "${pattern}"`);
    }
  }
});

test('the main lure lexicons cover English, Portuguese and Spanish', () => {
  for (const phrases of [CREDENTIAL_REQUEST_PHRASES, URGENCY_THREAT_PHRASES, DELIVERY_FEE_PHRASES, PRIZE_LURE_PHRASES]) {
    const languages = new Set(phrases.map((p) => p.lang));
    for (const lang of ['en', 'pt', 'es'] as const) assert.ok(languages.has(lang), lang);
  }
});
