import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { inflateRawBounded } from './archive-inflate.ts';

describe('inflateRawBounded', () => {
  it('returns the whole stream when it fits', () => {
    const text = Buffer.from('Quarter,Revenue\nQ1,100\n'.repeat(100));
    const result = inflateRawBounded(deflateRawSync(text), 1_000_000);
    assert.equal(result.complete, true);
    assert.equal(Buffer.from(result.data).toString(), text.toString());
  });

  it('stops a bomb at the budget and keeps only a head of at most 64 KB', () => {
    const bomb = deflateRawSync(Buffer.alloc(50_000_000));
    const started = performance.now();
    const result = inflateRawBounded(bomb, 2_000_000);
    assert.equal(result.complete, false);
    assert.ok(result.data.length <= 64 * 1024);
    assert.ok(performance.now() - started < 1000);
  });

  it('recovers the start of a damaged stream', () => {
    const text = Buffer.from('MZ'.padEnd(5000, 'x'));
    const damaged = deflateRawSync(text).subarray(0, 20);
    const result = inflateRawBounded(damaged, 1_000_000);
    assert.equal(result.complete, false);
    assert.equal(Buffer.from(result.data.subarray(0, 2)).toString(), 'MZ');
  });
});
