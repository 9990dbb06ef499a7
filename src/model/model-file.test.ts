import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadModel, SHIPPED_MODEL, saveModel } from './model-file.ts';

describe('model file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailward-model-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes weights and header and reads them back exactly', () => {
    const weights = Float32Array.from({ length: 1024 }, (_, i) => (i % 7) - 3.25);
    saveModel(join(dir, 'm'), { dimension: 1024, weights, bias: -0.5, calibration: { a: 1.2, b: -0.3 } }, { seed: 1 });
    const loaded = loadModel(join(dir, 'm'));
    assert.deepEqual(loaded.weights, weights);
    assert.equal(loaded.bias, -0.5);
    assert.deepEqual(loaded.calibration, { a: 1.2, b: -0.3 });
    assert.deepEqual(loaded.header.training, { seed: 1 });
  });

  it('refuses weights that do not match their header, naming the file', () => {
    writeFileSync(join(dir, 'm.bin'), new Uint8Array(4096).fill(1));
    assert.throws(
      () => loadModel(join(dir, 'm')),
      (error: Error & { code?: string }) => error.code === 'MODEL_UNREADABLE' && /checksum/.test(error.message),
    );
    assert.throws(
      () => loadModel(join(dir, 'missing')),
      (error: Error & { code?: string }) => error.code === 'MODEL_UNREADABLE',
    );
  });

  it('ships a model of a few MB at most, trained on licence-clean data only', () => {
    const shipped = loadModel(SHIPPED_MODEL);
    assert.ok(shipped.dimension * 4 <= 4 * 1024 * 1024);
    const training = shipped.header.training as { ham: string[]; threat: string[] };
    for (const folder of [...training.ham, ...training.threat])
      assert.match(folder, /^(easy-ham-1|hard-ham-1|spam-1|spam-2|simulated-organisation)$/);
  });
});
