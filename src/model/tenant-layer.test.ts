import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { learnDecision, tenantLogit } from './tenant-layer.ts';
import { vectorize } from './vectorize.ts';

const DIM = 1 << 16;
// A realistic message has a few hundred features; eighty words of a weekly report reminder will do.
const recurring = vectorize(
  [...Array.from({ length: 80 }, (_, i) => `b:word${i}`), 's:weekly', 's:report', 'from:reports@vendor.example'],
  DIM,
);
const unrelated = vectorize(['s:lunch', 'b:noon', 'from:ana@example.com'], DIM);

function teach(times: number, label: 0 | 1, strength = 1) {
  let weights = new Map<number, number>();
  for (let i = 0; i < times; i++) weights = learnDecision(weights, recurring, 3, label, strength);
  return { weights, updates: times };
}

describe('tenant model layer', () => {
  it('moves the log-odds of the judged kind of message towards the decision, more with more decisions', () => {
    const once = tenantLogit(teach(1, 0), recurring);
    const ten = tenantLogit(teach(10, 0), recurring);
    assert.ok(once < 0 && once > -1.5, `one decision: ${once}`);
    assert.ok(ten < -6, `ten decisions: ${ten}`);
    assert.ok(tenantLogit(teach(3, 1), recurring) > 0);
  });

  it('leaves unrelated messages alone', () => {
    assert.equal(tenantLogit(teach(10, 0), unrelated), 0);
  });

  it('learns less from a weaker source', () => {
    assert.ok(tenantLogit(teach(1, 0, 0.5), recurring) > tenantLogit(teach(1, 0), recurring));
  });

  it('does not change the weights it was given', () => {
    const before = teach(2, 0);
    const copy = new Map(before.weights);
    learnDecision(before.weights, recurring, 3, 0);
    assert.deepEqual(before.weights, copy);
  });
});
