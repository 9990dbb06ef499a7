import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentDetectors } from './index.ts';

describe('attachment signal catalogue', () => {
  const signals = attachmentDetectors.flatMap((d) => d.signals);

  it('declares each signal once, in the attachments group, with an ATT_ id and a sentence', () => {
    assert.equal(new Set(signals.map((s) => s.id)).size, signals.length);
    for (const signal of signals) {
      assert.match(signal.id, /^ATT_[A-Z0-9_]+$/);
      assert.equal(signal.group, 'attachments');
      assert.ok(['malware', 'phish'].includes(signal.indicates), signal.id);
      assert.match(signal.description, /^[A-Z].{20,}\.$/, signal.id);
      assert.ok(signal.weight > 0 && signal.weight <= 8, signal.id);
    }
  });

  it('gives each detector a dotted attachments id', () => {
    const ids = attachmentDetectors.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^attachments\.[a-z-]+$/);
  });
});
