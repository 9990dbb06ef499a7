import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchQuarantine } from '../../quarantine-search.ts';
import { ingestOne, sampleReport, seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function quarantineSuite(harness: StorageHarness): void {
  describe(`quarantine (${harness.name})`, () => {
    const db = useDb(harness);

    it('moves quarantined -> released -> quarantined -> deleted, repeating a state harmlessly', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      const q = seeded.repos.quarantine;
      const t = seeded.tenant.id;
      const first = await q.quarantine(t, message.id, { reason: 'phish 12.0', decidedBy: 'system' });
      assert.equal(first.state, 'quarantined');
      assert.equal(first.reason, 'phish 12.0');
      const repeat = await q.quarantine(t, message.id, { reason: 'again', decidedBy: 'system' });
      assert.deepEqual(repeat, first, 'quarantining twice changes nothing');

      const released = await q.release(t, message.id, 'user:analyst-1');
      assert.equal(released.state, 'released');
      assert.equal(released.decidedBy, 'user:analyst-1');
      assert.ok(released.releasedAt instanceof Date);
      assert.deepEqual(await q.release(t, message.id, 'user:analyst-2'), released);

      const again = await q.quarantine(t, message.id, { reason: 'reported by user', decidedBy: 'user:analyst-1' });
      assert.equal(again.state, 'quarantined');
      assert.equal(again.releasedAt, null);
      assert.equal(again.id, first.id, 'one entry per message');

      const deleted = await q.markDeleted(t, message.id, 'user:admin');
      assert.equal(deleted.state, 'deleted');
      assert.ok(deleted.deletedAt instanceof Date);
      await assert.rejects(q.release(t, message.id, 'user:admin'), { code: 'STORAGE_INVALID_TRANSITION' });
      await assert.rejects(q.quarantine(t, message.id, { reason: 'x', decidedBy: 'system' }), { code: 'STORAGE_INVALID_TRANSITION' });
      assert.equal((await q.get(t, message.id))?.state, 'deleted');
    });

    it('carries out a planned quarantine action once: entry, audit entry and done mark together', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      const t = seeded.tenant.id;
      const actor = { kind: 'system', id: 'policy' } as const;
      const plan = (key: string) =>
        seeded.repos.actions.plan(t, { messageId: message.id, kind: 'quarantine', idempotencyKey: key, actor, reason: 'phish' });
      const { action } = await plan('action:q1');
      const input = { actionId: action.id, messageId: message.id, reason: 'policy: phish', decidedBy: 'system', actor };
      assert.equal(await seeded.repos.quarantine.applyQuarantineAction(t, input), 'done');
      assert.equal(await seeded.repos.quarantine.applyQuarantineAction(t, input), 'already-done', 'a second delivery does nothing');
      const entry = await seeded.repos.quarantine.get(t, message.id);
      assert.equal(entry?.state, 'quarantined');
      assert.equal(entry?.decidedBy, 'system');
      assert.equal((await seeded.repos.actions.get(t, action.id))?.state, 'done');
      const audit = await seeded.repos.audit.list(t, { action: 'quarantine.add' });
      assert.equal(audit.items.length, 1);
      assert.deepEqual(audit.items[0].details, { reason: 'policy: phish', actionId: action.id });

      await seeded.repos.quarantine.markDeleted(t, message.id, 'user:analyst-1');
      const { action: later } = await plan('action:q2');
      const outcome = await seeded.repos.quarantine.applyQuarantineAction(t, { ...input, actionId: later.id });
      assert.equal(outcome, 'not-applied', 'a deleted message is not quarantined again');
      assert.equal((await seeded.repos.actions.get(t, later.id))?.state, 'planned');
      assert.equal((await seeded.repos.audit.list(t, { action: 'quarantine.add' })).items.length, 1);
    });

    it('refuses entries for unknown messages', async () => {
      const seeded = await seedTenant(db());
      const unknown = '00000000-0000-0000-0000-000000000000';
      await assert.rejects(seeded.repos.quarantine.quarantine(seeded.tenant.id, unknown, { reason: 'x', decidedBy: 'system' }), {
        code: 'STORAGE_NOT_FOUND',
      });
      await assert.rejects(seeded.repos.quarantine.release(seeded.tenant.id, unknown, 'u'), { code: 'STORAGE_NOT_FOUND' });
    });

    it('lists entries newest first with message facts, filtered and paged', async () => {
      const seeded = await seedTenant(db());
      const t = seeded.tenant.id;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const message = await ingestOne(seeded, { from: i % 2 ? 'odd@evil.test' : 'even@evil.test', subject: `lure ${i}` });
        await seeded.repos.reports.save(t, message.id, sampleReport(i === 4 ? 'malware' : 'phish', 10 + i));
        await seeded.repos.quarantine.quarantine(t, message.id, { reason: `r${i}`, decidedBy: 'system' });
        // Distinct quarantine times, so the expected order does not depend on id ties.
        await db().query('UPDATE quarantine_entries SET quarantined_at = now() + make_interval(secs => $2) WHERE message_id = $1', [
          message.id,
          i,
        ]);
        ids.push(message.id);
      }
      await seeded.repos.quarantine.release(t, ids[1], 'user:a');

      const page1 = await searchQuarantine(db(), t, {}, { limit: 3 });
      assert.deepEqual(
        page1.items.map((e) => e.messageId),
        [ids[4], ids[3], ids[2]],
      );
      assert.equal(page1.items[0].message.subject, 'lure 4');
      assert.equal(page1.items[0].message.verdictClass, 'malware');
      assert.equal(page1.items[0].message.score, 14);
      const page2 = await searchQuarantine(db(), t, {}, { limit: 3, cursor: page1.nextCursor! });
      assert.deepEqual(
        page2.items.map((e) => e.messageId),
        [ids[1], ids[0]],
      );
      assert.equal(page2.nextCursor, null);

      const still = await searchQuarantine(db(), t, { state: 'quarantined', sender: 'odd@evil.test' });
      assert.deepEqual(
        still.items.map((e) => e.messageId),
        [ids[3]],
      );
      const malware = await searchQuarantine(db(), t, { verdict: ['malware'] });
      assert.deepEqual(
        malware.items.map((e) => e.messageId),
        [ids[4]],
      );
    });
  });
}
