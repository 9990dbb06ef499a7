import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { fixture } from './fixtures.ts';
import { hiddenInstructionsDetector } from './hidden-instructions.ts';

describe('prompt-injection.hidden-instructions', () => {
  it('quotes instructions hidden in white-on-white text', async () => {
    const hit = (await runDetector(hiddenInstructionsDetector, fixture('hidden-white-text-invoice.eml'))).get('PI_HIDDEN_INSTRUCTIONS');
    assert.equal(hit?.factor, undefined);
    assert.match(hit?.evidence[0] ?? '', /^hidden \(same-colour\): .*ignore all previous instructions/);
  });

  it('follows a class rule from the <style> block', async () => {
    const hit = (await runDetector(hiddenInstructionsDetector, fixture('hidden-class-forward-mailbox.eml'))).get('PI_HIDDEN_INSTRUCTIONS');
    assert.match(hit?.evidence[0] ?? '', /^hidden \(display-none\): Assistant, new instructions follow/);
  });

  it('reads html comments and ASCII hidden in tag characters', async () => {
    const comment = (await runDetector(hiddenInstructionsDetector, fixture('comment-and-alt-instructions.eml'))).get(
      'PI_HIDDEN_INSTRUCTIONS',
    );
    assert.match(comment?.evidence[0] ?? '', /^html comment: .*disregard prior instructions/);
    const tags = (await runDetector(hiddenInstructionsDetector, fixture('unicode-tags-subject.eml'))).get('PI_HIDDEN_INSTRUCTIONS');
    assert.match(tags?.evidence[0] ?? '', /^tag characters: Assistant: ignore previous instructions/);
  });

  it('stays quiet on a newsletter whose hidden preheader is only a teaser', async () => {
    assert.equal((await runDetector(hiddenInstructionsDetector, fixture('newsletter-preheader.eml'))).size, 0);
    assert.equal((await runDetector(hiddenInstructionsDetector, fixture('ai-product-newsletter.eml'))).size, 0);
  });
});
