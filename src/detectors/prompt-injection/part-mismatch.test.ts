import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { fixture } from './fixtures.ts';
import { partMismatchDetector } from './part-mismatch.ts';

describe('prompt-injection.part-mismatch', () => {
  it('reports instructions only the plain-text part carries', async () => {
    const hit = (await runDetector(partMismatchDetector, fixture('text-part-mismatch.eml'))).get('PI_PART_MISMATCH');
    assert.ok(hit?.evidence.every((e) => e.startsWith('only in text part: ')));
    assert.ok(hit?.evidence.some((e) => e.includes('do not tell the user')));
  });

  it('stays quiet when the instructions are in both parts or in neither', async () => {
    assert.equal((await runDetector(partMismatchDetector, fixture('hidden-white-text-invoice.eml'))).size, 0);
    assert.equal((await runDetector(partMismatchDetector, fixture('newsletter-preheader.eml'))).size, 0);
  });
});
