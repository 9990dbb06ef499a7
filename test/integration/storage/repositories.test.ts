import { after, describe } from 'node:test';
import { pgliteHarness } from '../../../src/storage/testing/harness.ts';
import { ALL_SUITES } from '../../../src/storage/testing/suites/all.ts';
import { postgresHarness } from './postgres-harness.ts';

// The same suites `npm test` runs on in-memory PGlite, here on both production drivers:
// PostgreSQL at 127.0.0.1:5432 and PGlite writing to a data folder.
for (const harness of [postgresHarness(), pgliteHarness({ onDisk: true })]) {
  describe(`storage on ${harness.name}`, () => {
    after(() => harness.cleanup());
    for (const suite of ALL_SUITES) suite(harness);
  });
}
