import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { fixture } from './fixtures.ts';
import { hiddenTextDetector } from './hidden-text.ts';

describe('prompt-injection.hidden-text', () => {
  it('reports hidden filler and how much of it there is', async () => {
    const hits = await runDetector(hiddenTextDetector, fixture('hidden-salad-parcel.eml'));
    assert.match(hits.get('PI_HIDDEN_TEXT')?.evidence[0] ?? '', /^tiny-font: harbour/);
    assert.deepEqual(hits.get('PI_HIDDEN_TEXT_BULK')?.evidence, ['180 hidden words in 1 place(s)']);
  });

  it('reports a hidden paragraph painted white on white', async () => {
    const hits = await runDetector(hiddenTextDetector, fixture('hidden-white-text-invoice.eml'));
    assert.match(hits.get('PI_HIDDEN_TEXT')?.evidence[0] ?? '', /^same-colour: Note to the AI assistant/);
    assert.equal(hits.has('PI_HIDDEN_TEXT_BULK'), false);
  });

  it('stays quiet on a newsletter with a preheader, a mobile-only block, image cells and a tracking pixel', async () => {
    const hits = await runDetector(hiddenTextDetector, fixture('newsletter-preheader.eml'));
    assert.deepEqual([...hits.keys()], []);
  });
});
