import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contextFor } from '../../pipeline/testing.ts';
import { fixture } from './fixtures.ts';
import { promptInjectionDetectors } from './index.ts';

const LEGITIMATE = ['newsletter-preheader.eml', 'ai-product-newsletter.eml', 'travel-newsletter-emoji.eml'];
const FIXTURES = readdirSync(new URL('../../../test/fixtures/prompt-injection/', import.meta.url)).filter((f) => f.endsWith('.eml'));

async function signalsOn(name: string): Promise<string[]> {
  const ctx = await contextFor(fixture(name));
  const ids: string[] = [];
  for (const detector of promptInjectionDetectors) {
    const declared = new Set(detector.signals.map((s) => s.id));
    for (const hit of await detector.run(ctx, new AbortController().signal)) {
      assert.ok(declared.has(hit.id), `${detector.id} emitted undeclared ${hit.id}`);
      assert.ok(hit.evidence.length > 0 && hit.evidence.every((e) => e.length <= 160 && !e.includes('\n')), `${hit.id} evidence`);
      ids.push(hit.id);
    }
  }
  return ids.sort();
}

describe('prompt-injection detectors', () => {
  it('declare PI_ signals in the prompt_injection group, with dotted detector ids', () => {
    for (const detector of promptInjectionDetectors) {
      assert.match(detector.id, /^prompt-injection\.[a-z-]+$/);
      for (const signal of detector.signals) {
        assert.match(signal.id, /^PI_[A-Z_]+$/);
        assert.equal(signal.group, 'prompt_injection');
        assert.equal(signal.indicates, 'phish');
        assert.ok(signal.weight > 0 && signal.description.endsWith('.'));
      }
    }
  });

  for (const name of LEGITIMATE) {
    it(`stay quiet on the legitimate ${name}`, async () => {
      assert.deepEqual(await signalsOn(name), []);
    });
  }

  it('fire on every attack fixture with short single-line evidence', async () => {
    for (const name of FIXTURES.filter((f) => !LEGITIMATE.includes(f))) {
      assert.notDeepEqual(await signalsOn(name), [], name);
    }
  });
});
