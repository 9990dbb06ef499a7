import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestOne, seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function actionsSuite(harness: StorageHarness): void {
  describe(`actions (${harness.name})`, () => {
    const db = useDb(harness);

    it('plans an action once per idempotency key', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      const input = {
        messageId: message.id,
        kind: 'move-to-junk',
        idempotencyKey: `junk:${message.id}`,
        actor: { kind: 'system' as const, id: 'policy' },
        reason: 'spam 7.0',
      };
      const first = await seeded.repos.actions.plan(seeded.tenant.id, input);
      const second = await seeded.repos.actions.plan(seeded.tenant.id, { ...input, reason: 'retry' });
      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.deepEqual(second.action, first.action);
      assert.equal(first.action.state, 'planned');
      assert.deepEqual(first.action.actor, { kind: 'system', id: 'policy' });
      assert.deepEqual(
        (await seeded.repos.actions.listPlanned(seeded.tenant.id)).map((a) => a.id),
        [first.action.id],
      );
    });

    it('records failure and success; done is final', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      const { action } = await seeded.repos.actions.plan(seeded.tenant.id, {
        messageId: message.id,
        kind: 'quarantine',
        idempotencyKey: `q:${message.id}`,
        actor: { kind: 'user', id: 'analyst-7' },
      });
      const failed = await seeded.repos.actions.markFailed(seeded.tenant.id, action.id, 'Graph 503');
      assert.equal(failed.state, 'failed');
      assert.equal(failed.error, 'Graph 503');
      assert.equal(failed.completedAt, null);
      const done = await seeded.repos.actions.markDone(seeded.tenant.id, action.id);
      assert.equal(done.state, 'done');
      assert.equal(done.error, null);
      assert.ok(done.completedAt instanceof Date);
      assert.deepEqual(await seeded.repos.actions.markDone(seeded.tenant.id, action.id), done, 'marking done twice is harmless');
      await assert.rejects(seeded.repos.actions.markFailed(seeded.tenant.id, action.id, 'late'), { code: 'STORAGE_INVALID_TRANSITION' });
      await assert.rejects(seeded.repos.actions.markDone(seeded.tenant.id, '00000000-0000-0000-0000-000000000000'), {
        code: 'STORAGE_NOT_FOUND',
      });
      assert.deepEqual(
        (await seeded.repos.actions.listForMessage(seeded.tenant.id, message.id)).map((a) => a.state),
        ['done'],
      );
      assert.deepEqual(await seeded.repos.actions.listPlanned(seeded.tenant.id), []);
    });

    it('refuses an action on an unknown message', async () => {
      const seeded = await seedTenant(db());
      const plan = seeded.repos.actions.plan(seeded.tenant.id, {
        messageId: '00000000-0000-0000-0000-000000000000',
        kind: 'banner',
        idempotencyKey: 'k',
        actor: { kind: 'system', id: 'policy' },
      });
      await assert.rejects(plan, { code: 'STORAGE_NOT_FOUND' });
    });
  });
}
