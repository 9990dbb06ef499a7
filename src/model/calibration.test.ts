import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitPlatt } from './calibration.ts';
import { seededRandom } from './prng.ts';
import { sigmoid } from './vectorize.ts';

describe('Platt calibration', () => {
  it('recovers the slope and offset that generated the labels', () => {
    const random = seededRandom(7);
    const scores: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const score = random() * 12 - 6;
      scores.push(score);
      labels.push(random() < sigmoid(0.5 * score - 1) ? 1 : 0);
    }
    const { a, b } = fitPlatt(scores, labels);
    assert.ok(Math.abs(a - 0.5) < 0.05, `a = ${a}`);
    assert.ok(Math.abs(b + 1) < 0.1, `b = ${b}`);
  });

  it('refuses held-out data with one class only', () => {
    assert.throws(() => fitPlatt([1, 2, 3], [1, 1, 1]), /both classes/);
  });
});
