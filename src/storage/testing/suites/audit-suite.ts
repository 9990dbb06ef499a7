import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function auditSuite(harness: StorageHarness): void {
  describe(`audit log (${harness.name})`, () => {
    const db = useDb(harness);

    it('appends entries and lists them newest first, filtered and paged', async () => {
      const { repos, tenant } = await seedTenant(db());
      const analyst = { kind: 'user' as const, id: 'analyst-1' };
      const first = await repos.audit.append(tenant.id, {
        actor: analyst,
        action: 'quarantine.release',
        target: { kind: 'message', id: 'm1' },
        details: { previous: 'quarantined', note: 'customer asked' },
      });
      assert.deepEqual(first.details, { previous: 'quarantined', note: 'customer asked' });
      assert.deepEqual(first.target, { kind: 'message', id: 'm1' });
      await repos.audit.append(tenant.id, { actor: { kind: 'api-key', id: 'k1' }, action: 'settings.update' });
      const third = await repos.audit.append(tenant.id, {
        actor: analyst,
        action: 'quarantine.release',
        target: { kind: 'message', id: 'm2' },
      });
      assert.equal(third.target?.id, 'm2');

      const page1 = await repos.audit.list(tenant.id, {}, { limit: 2 });
      assert.deepEqual(
        page1.items.map((e) => e.action),
        ['quarantine.release', 'settings.update'],
      );
      assert.equal(page1.items[0].id, third.id);
      const page2 = await repos.audit.list(tenant.id, {}, { limit: 2, cursor: page1.nextCursor! });
      assert.deepEqual(
        page2.items.map((e) => e.id),
        [first.id],
      );
      assert.equal(page2.nextCursor, null);
      assert.equal((await repos.audit.list(tenant.id, { actorId: 'analyst-1' })).items.length, 2);
      assert.deepEqual(
        (await repos.audit.list(tenant.id, { targetId: 'm1' })).items.map((e) => e.id),
        [first.id],
      );
      assert.equal((await repos.audit.list(tenant.id, { action: 'settings.update' })).items[0].actor.kind, 'api-key');
    });

    it('refuses to change or delete what was written', async () => {
      const { repos, tenant } = await seedTenant(db());
      const entry = await repos.audit.append(tenant.id, { actor: { kind: 'system', id: 'retention' }, action: 'retention.purge' });
      await assert.rejects(db().query("UPDATE audit_log SET action = 'nothing' WHERE id = $1", [entry.id]), /append-only/);
      await assert.rejects(db().query('DELETE FROM audit_log WHERE id = $1', [entry.id]), /append-only/);
      assert.equal((await repos.audit.list(tenant.id)).items[0].action, 'retention.purge');
    });
  });
}
