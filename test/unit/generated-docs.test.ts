import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { GENERATED_DOCS } from '../../src/docs/generate.ts';

describe('generated documentation', () => {
  for (const doc of GENERATED_DOCS) {
    it(`${doc.path} is up to date (run 'npm run docs' after changing signals, weights or help)`, () => {
      const checkedIn = readFileSync(resolve(import.meta.dirname, '../..', doc.path), 'utf8');
      assert.equal(checkedIn, doc.render());
    });
  }
});
