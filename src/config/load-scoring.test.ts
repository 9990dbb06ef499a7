import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DETECTORS } from '../detectors/index.ts';
import { engineCatalogue } from '../pipeline/engine.ts';
import { loadScoringConfig } from './load-scoring.ts';

const catalogue = engineCatalogue(DETECTORS);
const local = (yaml: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'mailward-config-')), 'local.yaml');
  writeFileSync(file, yaml);
  return file;
};

describe('loadScoringConfig', () => {
  it('loads the shipped defaults, which only name known signals', () => {
    const config = loadScoringConfig(catalogue);
    assert.ok(config.thresholds.suspicious > 0);
    assert.ok(config.thresholds.phish > config.thresholds.suspicious);
    for (const rule of config.composites) assert.match(rule.description, /\w/);
  });

  it('layers a local file over the defaults', () => {
    const config = loadScoringConfig(
      catalogue,
      local('thresholds:\n  phish: 12\nweights:\n  MIME_HTML_ONLY: { weight: 2, reason: "house rule" }\n'),
    );
    assert.equal(config.thresholds.phish, 12);
    assert.equal(config.weights.MIME_HTML_ONLY, 2);
  });

  it('refuses unknown signals, bad numbers and unknown keys, naming file and key', () => {
    assert.throws(() => loadScoringConfig(catalogue, local('weights:\n  NOT_A_SIGNAL: 3\n')), /weights\.NOT_A_SIGNAL: unknown signal/);
    assert.throws(() => loadScoringConfig(catalogue, local('thresholds:\n  phish: high\n')), /thresholds\.phish: must be a number/);
    assert.throws(() => loadScoringConfig(catalogue, local('threshold:\n  phish: 3\n')), /unknown key\(s\): threshold/);
    assert.throws(
      () =>
        loadScoringConfig(
          catalogue,
          local('composites:\n  - id: COMBO_X\n    expression: NOPE_SIGNAL\n    weight: 1\n    description: x\n'),
        ),
      /unknown signal NOPE_SIGNAL/,
    );
    assert.throws(() => loadScoringConfig(catalogue, '/nonexistent/mailward.yaml'), /config file not found/);
  });
});
