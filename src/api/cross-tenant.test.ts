import { openDb } from '../storage/open-db.ts';
import { crossTenantSuite } from './testing/cross-tenant-suite.ts';

crossTenantSuite('pglite-memory', async () => {
  const db = await openDb({ memory: true });
  return { db, cleanup: () => db.close() };
});
