import { crossTenantSuite } from '../../../src/api/testing/cross-tenant-suite.ts';
import { openDb } from '../../../src/storage/open-db.ts';
import { createTestDatabase, dropTestDatabase } from '../storage/postgres-harness.ts';

// The same cross-tenant suite as `npm test`, on PostgreSQL: a database of its own, dropped afterwards.
crossTenantSuite('postgres', async () => {
  const database = await createTestDatabase();
  const db = await openDb({ url: database.url });
  return {
    db,
    cleanup: async () => {
      await db.close();
      await dropTestDatabase(database.name);
    },
  };
});
