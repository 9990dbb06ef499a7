import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contextFor } from '../../pipeline/testing.ts';
import { compileLexicon, type Phrase } from '../language/lexicon.ts';
import { normaliseForMatching } from '../language/normalise.ts';
import { spamContentDetectors } from './index.ts';
import { DATING_PHRASES } from './lexicons/dating.ts';
import { EXPIRY_LURE_PHRASES } from './lexicons/expiry-lure.ts';
import { GAMBLING_INVESTMENT_PHRASES } from './lexicons/gambling-investment.ts';
import { HEALTH_PHRASES } from './lexicons/health.ts';
import { LEADGEN_PHRASES } from './lexicons/leadgen.ts';
import { LOAN_DEBT_PHRASES } from './lexicons/loan-debt.ts';
import { MARKETING_PRESSURE_PHRASES } from './lexicons/marketing-pressure.ts';
import { REPLICA_GOODS_PHRASES } from './lexicons/replica-goods.ts';
import { SEO_SERVICES_PHRASES } from './lexicons/seo-services.ts';
import type { SpamPhrase } from './spam-phrase.ts';

const LEXICONS: Record<string, readonly SpamPhrase[]> = {
  HEALTH_PHRASES,
  DATING_PHRASES,
  GAMBLING_INVESTMENT_PHRASES,
  LOAN_DEBT_PHRASES,
  LEADGEN_PHRASES,
  SEO_SERVICES_PHRASES,
  REPLICA_GOODS_PHRASES,
  EXPIRY_LURE_PHRASES,
  MARKETING_PRESSURE_PHRASES,
};

function message(subject: string, body: string): string {
  return [
    'From: "Sender" <news@sender.example.com>',
    'To: reader@example.com',
    `Subject: ${subject}`,
    'Date: Mon, 02 Nov 2026 10:00:00 +0000',
    'Message-ID: <t-1@sender.example.com>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

async function fired(subject: string, body: string) {
  const ctx = await contextFor(message(subject, body));
  const hits = (await Promise.all(spamContentDetectors.map((d) => d.run(ctx, new AbortController().signal)))).flat();
  return new Map(hits.map((hit) => [hit.id, hit]));
}

test('every lexicon compiles', () => {
  for (const [name, phrases] of Object.entries(LEXICONS)) {
    assert.doesNotThrow(() => compileLexicon(name, phrases as readonly Phrase[]), name);
  }
});

test('phrases are written in normalised form, or they could never match', () => {
  for (const [name, phrases] of Object.entries(LEXICONS)) {
    for (const { pattern } of phrases) {
      const literal = pattern.replace(/\\./g, '');
      assert.equal(normaliseForMatching(literal), literal.trim().replace(/\s+/g, ' '), `${name}: "${pattern}"`);
    }
  }
});

test('each detector declares one language-group signal, weighted 1.5 to 3, with a unique id', () => {
  const ids = new Set<string>();
  for (const detector of spamContentDetectors) {
    assert.match(detector.id, /^spam-content\.[a-z-]+$/);
    assert.equal(detector.signals.length, 1, detector.id);
    const [signal] = detector.signals;
    assert.match(signal.id, /^SPAM_[A-Z_]+$/);
    assert.equal(signal.group, 'language');
    assert.ok(signal.weight >= 1.5 && signal.weight <= 3, `${signal.id} weight ${signal.weight}`);
    assert.ok(['spam', 'phish'].includes(signal.indicates));
    assert.ok(!ids.has(signal.id), signal.id);
    ids.add(signal.id);
  }
});

test('a lone weak phrase stays under the floor; distinct phrases raise the factor', async () => {
  assert.equal((await fired('Weekly digest', 'Our editor dropped 5 kg last year by walking to work.')).size, 0);
  const one = (await fired('Offer', 'Do you need a loan? Reply to this email.')).get('SPAM_LOAN_DEBT');
  assert.equal(one, undefined, 'one 0.4 phrase is not enough');
  const two = (await fired('Offer', 'Do you need a loan? We offer loans to everyone. Bad credit accepted.')).get('SPAM_LOAN_DEBT');
  assert.ok(two);
  assert.equal(two.factor, 1);
  assert.deepEqual(two.evidence, ['"bad credit accepted" (body)', '"we offer loans to" (body)', '"do you need a loan" (body)']);
});

test('pressure phrases alone never fire, however many', async () => {
  const hits = await fired(
    'Limited time offer',
    'Act now! 100% free shipping, risk-free returns, order now while supplies last. Click below.',
  );
  assert.deepEqual([...hits.keys()], []);
});

test('pressure phrases fire next to any spam-category phrase, even one too weak to fire itself', async () => {
  const hits = await fired('Limited time offer', 'Act now: our hearing aids are 100% risk-free. Click below to order.');
  assert.deepEqual([...hits.keys()], ['SPAM_MARKETING_PRESSURE']);
  assert.ok(hits.get('SPAM_MARKETING_PRESSURE')?.evidence.some((e) => e.includes('act now')));
});

test('the categories are matched once per message and shared through the scan context', async () => {
  const ctx = await contextFor(message('Zonnepanelen', 'Vrijblijvend offertes ontvangen.'));
  for (const detector of spamContentDetectors) detector.run(ctx, new AbortController().signal);
  assert.doesNotThrow(() =>
    ctx.feature('spam-content.matches', () => {
      throw new Error('matched a second time');
    }),
  );
});
