import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelayMs } from './backoff.ts';

const noJitter = () => 0;

test('backoff doubles from the base delay with each failed attempt', () => {
  const options = { baseMs: 100, maxMs: 10_000 };
  assert.deepEqual(
    [1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, options, noJitter)),
    [100, 200, 400, 800],
  );
});

test('backoff never exceeds the cap, even with jitter and huge attempt counts', () => {
  const options = { baseMs: 100, maxMs: 1_000 };
  assert.equal(
    backoffDelayMs(50, options, () => 1),
    1_000,
  );
  assert.equal(backoffDelayMs(5_000, options, noJitter), 1_000);
});

test('backoff jitter adds at most a tenth of the delay', () => {
  const delay = backoffDelayMs(1, { baseMs: 1_000, maxMs: 60_000 }, () => 0.999);
  assert.ok(delay >= 1_000 && delay <= 1_100, `delay ${delay}`);
});
