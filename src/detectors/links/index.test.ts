import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contextFor } from '../../pipeline/testing.ts';
import { linkDetectors } from './index.ts';
import { readFixture } from './testing.ts';

const FIXTURE_NAMES = readdirSync(new URL('../../../test/fixtures/links/', import.meta.url))
  .filter((f) => f.endsWith('.eml'))
  .map((f) => f.slice(0, -4));

async function scan(name: string) {
  const ctx = await contextFor(readFixture(name));
  const hits = [];
  for (const detector of linkDetectors) {
    for (const hit of await detector.run(ctx, new AbortController().signal)) hits.push({ detector, hit });
  }
  return hits;
}

describe('link detectors', () => {
  it('declare unique, well-formed signals in the links group', () => {
    const ids = linkDetectors.flatMap((d) => d.signals.map((s) => s.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const detector of linkDetectors) {
      assert.match(detector.id, /^links\.[a-z-]+$/);
      for (const signal of detector.signals) {
        assert.match(signal.id, /^URL_[A-Z0-9_]+$/);
        assert.equal(signal.group, 'links');
        assert.ok(signal.description.endsWith('.'), signal.id);
      }
    }
  });

  it('emit only declared signals, with short evidence, on every fixture', async () => {
    for (const name of FIXTURE_NAMES) {
      for (const { detector, hit } of await scan(name)) {
        assert.ok(
          detector.signals.some((s) => s.id === hit.id),
          `${detector.id} emitted undeclared ${hit.id}`,
        );
        assert.ok(hit.evidence.length > 0 && hit.evidence.every((e) => e.length <= 160), hit.id);
      }
    }
  });

  it('keep legitimate mail below a weak total', async () => {
    for (const name of ['newsletter-click-tracking', 'internal-it-notice']) {
      const hits = await scan(name);
      const total = hits.reduce(
        (sum, { detector, hit }) => sum + detector.signals.find((s) => s.id === hit.id)!.weight * (hit.factor ?? 1),
        0,
      );
      assert.ok(total < 3, `${name}: ${total} from ${hits.map((h) => h.hit.id).join(', ')}`);
    }
  });

  it('add up to at least a suspicious score on each phishing fixture', async () => {
    for (const name of FIXTURE_NAMES.filter((n) => !['newsletter-click-tracking', 'internal-it-notice'].includes(n))) {
      const hits = await scan(name);
      const total = hits.reduce(
        (sum, { detector, hit }) => sum + detector.signals.find((s) => s.id === hit.id)!.weight * (hit.factor ?? 1),
        0,
      );
      assert.ok(total >= 5, `${name}: ${total}`);
    }
  });
});
