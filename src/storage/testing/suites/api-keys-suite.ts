import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function apiKeysSuite(harness: StorageHarness): void {
  describe(`API keys (${harness.name})`, () => {
    const db = useDb(harness);

    it('creates a key whose secret is shown once and stored only as a hash', async () => {
      const { repos, tenant } = await seedTenant(db());
      const { key, token } = await repos.apiKeys.create(tenant.id, { name: 'SIEM export', role: 'read-only' });
      assert.match(token, /^mw_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
      assert.ok(token.startsWith(`mw_${key.prefix}_`));
      assert.equal(key.role, 'read-only');
      assert.equal(key.lastUsedAt, null);
      const secret = token.slice(`mw_${key.prefix}_`.length);
      const { rows } = await db().query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [key.id]);
      const stored = JSON.stringify(rows[0]);
      assert.equal(stored.includes(secret), false, 'the secret is not stored');
      assert.match(String(rows[0].secret_hash), /^[0-9a-f]{64}$/);
    });

    it('authenticates the right token only, notes its use, and stops after revocation', async () => {
      const { repos, tenant } = await seedTenant(db());
      const { key, token } = await repos.apiKeys.create(tenant.id, { name: 'ops', role: 'admin' });
      const found = await repos.apiKeys.authenticate(token);
      assert.equal(found?.id, key.id);
      assert.equal(found?.tenantId, tenant.id);
      assert.ok(found?.lastUsedAt instanceof Date);

      const wrongSecret = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      assert.equal(await repos.apiKeys.authenticate(wrongSecret), null);
      assert.equal(await repos.apiKeys.authenticate('mw_short'), null);
      assert.equal(await repos.apiKeys.authenticate(''), null);

      const revoked = await repos.apiKeys.revoke(tenant.id, key.id);
      assert.ok(revoked.revokedAt instanceof Date);
      assert.deepEqual((await repos.apiKeys.revoke(tenant.id, key.id)).revokedAt, revoked.revokedAt);
      assert.equal(await repos.apiKeys.authenticate(token), null);
      assert.deepEqual(
        (await repos.apiKeys.list(tenant.id)).map((k) => [k.name, k.revokedAt !== null]),
        [['ops', true]],
      );
    });

    it('refuses an unknown role', async () => {
      const { repos, tenant } = await seedTenant(db());
      await assert.rejects(repos.apiKeys.create(tenant.id, { name: 'x', role: 'owner' as never }));
    });
  });
}
