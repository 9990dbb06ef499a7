import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestOne, sampleReport, seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function reportsSuite(harness: StorageHarness): void {
  describe(`scan reports (${harness.name})`, () => {
    const db = useDb(harness);

    it('stores a report and gives it back unchanged', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      const report = sampleReport('suspicious', 5.75, new Date('2026-11-03T08:00:00.250Z'));
      const saved = await seeded.repos.reports.save(seeded.tenant.id, message.id, report);
      assert.deepEqual(saved.report, report);
      assert.equal(saved.messageId, message.id);
      assert.deepEqual((await seeded.repos.reports.latest(seeded.tenant.id, message.id))?.report, report);
      const { rows } = await db().query<{ signals: unknown; errors: unknown }>('SELECT signals, errors FROM scan_reports WHERE id = $1', [
        saved.id,
      ]);
      assert.deepEqual(rows[0].signals, report.signals, 'signals are JSONB, queryable by the database');
      assert.deepEqual(rows[0].errors, report.errors);
    });

    it('keeps the reason a message could not be scanned', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      const report = {
        ...sampleReport('suspicious', 0),
        signals: [],
        unscannable: { code: 'MIME_LIMIT_EXCEEDED', reason: 'nesting deeper than 20' },
      };
      const saved = await seeded.repos.reports.save(seeded.tenant.id, message.id, report);
      assert.deepEqual(saved.report.unscannable, { code: 'MIME_LIMIT_EXCEEDED', reason: 'nesting deeper than 20' });
      assert.deepEqual((await seeded.repos.reports.latest(seeded.tenant.id, message.id))?.report, report);
    });

    it('keeps every scan; the message shows the newest even when an older one is saved last', async () => {
      const seeded = await seedTenant(db());
      const message = await ingestOne(seeded);
      const first = sampleReport('clean', 0.5, new Date('2026-11-03T08:00:00Z'));
      const rescan = sampleReport('phish', 10, new Date('2026-11-04T08:00:00Z'));
      await seeded.repos.reports.save(seeded.tenant.id, message.id, rescan);
      await seeded.repos.reports.save(seeded.tenant.id, message.id, first);
      const all = await seeded.repos.reports.listForMessage(seeded.tenant.id, message.id);
      assert.deepEqual(
        all.map((r) => r.report.verdict.class),
        ['phish', 'clean'],
      );
      const stored = await seeded.repos.messages.get(seeded.tenant.id, message.id);
      assert.equal(stored?.verdict?.class, 'phish');
      assert.equal(stored?.verdict?.score, 10);
    });

    it('refuses a report for a message that does not exist', async () => {
      const seeded = await seedTenant(db());
      await assert.rejects(seeded.repos.reports.save(seeded.tenant.id, '00000000-0000-0000-0000-000000000000', sampleReport('clean', 0)), {
        code: 'STORAGE_NOT_FOUND',
      });
      assert.equal(await seeded.repos.reports.latest(seeded.tenant.id, 'not-a-uuid'), null);
    });
  });
}
