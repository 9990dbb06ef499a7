import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDb } from './open-db.ts';

// Opening real databases is covered by the integration tests; here, refusing bad settings early.
describe('openDb settings', () => {
  it('refuses a URL that is not PostgreSQL and an empty data folder', async () => {
    await assert.rejects(openDb({ url: 'mysql://localhost/db' }), { code: 'STORAGE_CONFIG_INVALID' });
    await assert.rejects(openDb({ dataDir: '' }), { code: 'STORAGE_CONFIG_INVALID' });
  });
});
