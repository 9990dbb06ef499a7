import { after } from 'node:test';
import { pgliteHarness } from './testing/harness.ts';
import { ALL_SUITES } from './testing/suites/all.ts';

// Every repository, migrations and tenant isolation, on in-memory PGlite. The same suites run on
// PostgreSQL and on-disk PGlite in test/integration/storage/.
const harness = pgliteHarness({ onDisk: false });
after(() => harness.cleanup());
for (const suite of ALL_SUITES) suite(harness);
