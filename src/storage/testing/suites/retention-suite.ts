import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestOne, rawEmail, sampleReport, seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

const DAY = 86_400_000;

export function retentionSuite(harness: StorageHarness): void {
  describe(`retention purge (${harness.name})`, () => {
    const db = useDb(harness);

    it('forgets clean mail after 30 days and threats after 90, then unreferenced raw bytes', async () => {
      const seeded = await seedTenant(db());
      const t = seeded.tenant.id;
      const now = new Date('2026-11-20T00:00:00Z');
      const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
      const shared = rawEmail('shared bytes');

      const oldClean = await ingestOne(seeded, { receivedAt: daysAgo(31), raw: shared });
      const recentClean = await ingestOne(seeded, { receivedAt: daysAgo(29), raw: shared });
      const oldGray = await ingestOne(seeded, { receivedAt: daysAgo(45) });
      const midThreat = await ingestOne(seeded, { receivedAt: daysAgo(45) });
      const oldThreat = await ingestOne(seeded, { receivedAt: daysAgo(91) });
      const midUnscanned = await ingestOne(seeded, { receivedAt: daysAgo(60) });
      const oldUnscanned = await ingestOne(seeded, { receivedAt: daysAgo(95) });
      await seeded.repos.reports.save(t, oldClean.id, sampleReport('clean', 0));
      await seeded.repos.reports.save(t, recentClean.id, sampleReport('clean', 0));
      await seeded.repos.reports.save(t, oldGray.id, sampleReport('graymail', 1));
      await seeded.repos.reports.save(t, midThreat.id, sampleReport('phish', 10));
      await seeded.repos.reports.save(t, oldThreat.id, sampleReport('malware', 20));
      await seeded.repos.quarantine.quarantine(t, oldThreat.id, { reason: 'malware', decidedBy: 'system' });
      await seeded.repos.actions.plan(t, {
        messageId: oldThreat.id,
        kind: 'quarantine',
        idempotencyKey: 'q-old',
        actor: { kind: 'system', id: 'p' },
      });
      await seeded.repos.audit.append(t, {
        actor: { kind: 'system', id: 'p' },
        action: 'quarantine.add',
        target: { kind: 'message', id: oldThreat.id },
      });

      const result = await seeded.repos.retention.purge(t, now);
      assert.deepEqual(result, { tenantId: t, messages: 4, rawBlobs: 3 });
      const kept = (await seeded.repos.messages.list(t)).items.map((m) => m.id).sort();
      assert.deepEqual(kept, [recentClean.id, midThreat.id, midUnscanned.id].sort());
      assert.equal((await seeded.repos.rawMime.getForMessage(t, recentClean.id))?.equals(shared), true, 'shared bytes still referenced');
      assert.equal(await seeded.repos.rawMime.get(t, oldThreat.sha256), null);
      assert.equal(await seeded.repos.messages.get(t, oldUnscanned.id), null, 'unscanned mail goes after the threat retention');
      assert.deepEqual(await seeded.repos.reports.listForMessage(t, oldThreat.id), []);
      assert.equal(await seeded.repos.quarantine.get(t, oldThreat.id), null);
      assert.equal(await seeded.repos.actions.findByKey(t, 'q-old'), null);
      assert.equal((await seeded.repos.audit.list(t)).items.length, 1, 'the audit log is kept');
      assert.deepEqual(await seeded.repos.retention.purge(t, now), { tenantId: t, messages: 0, rawBlobs: 0 });
    });

    it("follows the tenant's own retention and touches no other tenant", async () => {
      const strict = await seedTenant(db(), 'strict');
      const other = await seedTenant(db(), 'other');
      const now = new Date('2026-11-20T00:00:00Z');
      await strict.repos.settings.update(strict.tenant.id, (s) => ({ ...s, retention: { cleanDays: 7, threatDays: 10 } }));
      const eightDays = new Date(now.getTime() - 8 * DAY);
      const elevenDays = new Date(now.getTime() - 11 * DAY);
      const clean = await ingestOne(strict, { receivedAt: eightDays });
      const threat = await ingestOne(strict, { receivedAt: eightDays });
      const oldThreat = await ingestOne(strict, { receivedAt: elevenDays });
      await strict.repos.reports.save(strict.tenant.id, clean.id, sampleReport('clean', 0));
      await strict.repos.reports.save(strict.tenant.id, threat.id, sampleReport('phish', 9));
      await strict.repos.reports.save(strict.tenant.id, oldThreat.id, sampleReport('phish', 9));
      const otherClean = await ingestOne(other, { receivedAt: eightDays });
      await other.repos.reports.save(other.tenant.id, otherClean.id, sampleReport('clean', 0));

      const results = await strict.repos.retention.purgeAll(now);
      const byTenant = new Map(results.map((r) => [r.tenantId, r]));
      assert.equal(byTenant.get(strict.tenant.id)?.messages, 2);
      assert.equal(byTenant.get(other.tenant.id)?.messages, 0);
      assert.deepEqual(
        (await strict.repos.messages.list(strict.tenant.id)).items.map((m) => m.id),
        [threat.id],
      );
      assert.ok(await other.repos.messages.get(other.tenant.id, otherClean.id));
    });
  });
}
