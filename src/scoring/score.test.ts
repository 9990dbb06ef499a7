import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SignalDefinition } from '../core/signal.ts';
import { evaluateExpression, parseExpression } from './composite-expression.ts';
import { applyComposites, type CatalogedHit, scoreHits } from './score.ts';
import type { ScoringConfig } from './scoring-config.ts';

const def = (
  id: string,
  group: SignalDefinition['group'],
  weight: number,
  indicates: SignalDefinition['indicates'] = 'phish',
): SignalDefinition => ({
  id,
  group,
  weight,
  indicates,
  description: `${id} described`,
});
const hit = (definition: SignalDefinition, factor = 1, evidence = ['e']): CatalogedHit => ({
  hit: { id: definition.id, factor, evidence },
  definition,
  detector: 'test',
});

const config = (over: Partial<ScoringConfig> = {}): ScoringConfig => ({
  thresholds: { suspicious: 5, phish: 9, malware: 6, spam: 5 },
  groupCaps: {},
  weights: {},
  composites: [],
  ...over,
});

describe('scoreHits', () => {
  it('adds weight x factor and classes by threshold', () => {
    const a = def('URL_A', 'links', 4);
    const b = def('LANG_B', 'language', 3);
    assert.equal(scoreHits([hit(a), hit(b, 0.25)], config()).verdict.class, 'clean');
    const result = scoreHits([hit(a), hit(b)], config());
    assert.equal(result.verdict.score, 7);
    assert.equal(result.verdict.class, 'suspicious');
    assert.equal(scoreHits([hit(a), hit(b), hit(def('SENDER_C', 'sender', 2))], config()).verdict.class, 'phish');
  });

  it('caps a group so repeated evidence of one kind cannot decide alone', () => {
    const hits = [hit(def('URL_A', 'links', 6)), hit(def('URL_B', 'links', 6))];
    const capped = scoreHits(hits, config({ groupCaps: { links: 8 } }));
    assert.equal(capped.verdict.score, 8);
    assert.deepEqual(
      capped.signals.map((s) => s.contribution),
      [4, 4],
    );
  });

  it('lets configuration override a default weight', () => {
    const result = scoreHits([hit(def('URL_A', 'links', 6))], config({ weights: { URL_A: 1 } }));
    assert.equal(result.verdict.score, 1);
    assert.equal(result.signals[0].weight, 1);
  });

  it('classes as malware when malware signals carry the score', () => {
    const result = scoreHits([hit(def('ATT_EXE', 'attachments', 7, 'malware'))], config());
    assert.equal(result.verdict.class, 'malware');
  });

  it('classes as spam when spam signals dominate, graymail for bulk only, clean otherwise', () => {
    assert.equal(scoreHits([hit(def('POLICY_BLOCK', 'policy', 20, 'spam'))], config()).verdict.class, 'spam');
    assert.equal(scoreHits([hit(def('BULK_NEWS', 'bulk', 0, 'graymail'))], config()).verdict.class, 'graymail');
    assert.equal(scoreHits([], config()).verdict.class, 'clean');
  });

  it('gives reasons in words with evidence, strongest first, and leaves out trust-building signals', () => {
    const result = scoreHits(
      [hit(def('LOW', 'links', 1), 1, ['low.example']), hit(def('HIGH', 'links', 5), 1, ['high.example']), hit(def('GOOD', 'auth', -1))],
      config(),
    );
    assert.deepEqual(result.verdict.reasons, ['HIGH described (high.example)', 'LOW described (low.example)']);
  });
});

describe('composites', () => {
  it('parses and evaluates &, |, ! and parentheses', () => {
    const e = parseExpression('A_X & (B_Y | C_Z) & !D_W');
    const present = (ids: string[]) => (id: string) => ids.includes(id);
    assert.equal(evaluateExpression(e, present(['A_X', 'C_Z'])), true);
    assert.equal(evaluateExpression(e, present(['A_X', 'C_Z', 'D_W'])), false);
    assert.equal(evaluateExpression(e, present(['A_X'])), false);
  });

  it('rejects malformed expressions with the expression in the message', () => {
    assert.throws(() => parseExpression('A_X & (B_Y'), /A_X & \(B_Y.*missing \)/);
    assert.throws(() => parseExpression('A_X &'), /ends too early/);
    assert.throws(() => parseExpression('a lower'), /unexpected/);
  });

  it('adds a composite signal naming the signals that made it', () => {
    const a = def('LANG_CRED', 'language', 2);
    const b = def('URL_FREE', 'links', 2);
    const rule = {
      id: 'COMBO_CRED_FREEHOST',
      source: '',
      expression: parseExpression('LANG_CRED & URL_FREE'),
      weight: 6,
      indicates: 'phish' as const,
      description: 'cred lure on free hosting',
    };
    const hits = applyComposites([hit(a), hit(b)], config({ composites: [rule] }));
    const combo = hits.find((h) => h.hit.id === 'COMBO_CRED_FREEHOST');
    assert.ok(combo);
    assert.deepEqual(combo.hit.evidence, ['LANG_CRED + URL_FREE']);
    assert.equal(scoreHits(hits, config()).verdict.class, 'phish');
    assert.equal(applyComposites([hit(a)], config({ composites: [rule] })).length, 1);
  });
});
