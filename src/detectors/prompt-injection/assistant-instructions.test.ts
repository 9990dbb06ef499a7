import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { assistantInstructionsDetector } from './assistant-instructions.ts';
import { fixture } from './fixtures.ts';

describe('prompt-injection.assistant-instructions', () => {
  it('reports instructions to an assistant in the plain-text part', async () => {
    const hit = (await runDetector(assistantInstructionsDetector, fixture('text-part-mismatch.eml'))).get('PI_INSTRUCTIONS');
    assert.equal(hit?.factor, undefined);
    assert.ok(hit?.evidence.some((e) => e.startsWith('text part: ') && e.includes('forward all invoices')));
  });

  it('reports instructions decoded from tag characters', async () => {
    const hit = (await runDetector(assistantInstructionsDetector, fixture('unicode-tags-subject.eml'))).get('PI_INSTRUCTIONS');
    assert.match(hit?.evidence[0] ?? '', /^tag characters: /);
  });

  it('stays quiet on an AI product newsletter that talks about prompts and assistants', async () => {
    assert.equal((await runDetector(assistantInstructionsDetector, fixture('ai-product-newsletter.eml'))).size, 0);
  });
});
