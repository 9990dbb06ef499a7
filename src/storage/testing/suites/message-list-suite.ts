import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageFilter } from '../../message-list.ts';
import type { StoredMessage } from '../../message-rows.ts';
import { ingestOne, type Seeded, sampleReport, seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

const DAY = 86_400_000;
const BASE = Date.parse('2026-10-01T00:00:00Z');

async function collectAll(seeded: Seeded, filter: MessageFilter, limit: number): Promise<StoredMessage[]> {
  const all: StoredMessage[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await seeded.repos.messages.list(seeded.tenant.id, filter, { limit, cursor });
    assert.ok(page.items.length <= limit);
    all.push(...page.items);
    if (!page.nextCursor) return all;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

export function messageListSuite(harness: StorageHarness): void {
  describe(`message lists, filters and counts (${harness.name})`, () => {
    const db = useDb(harness);

    it('pages newest first without repeating or skipping, even when times are equal', async () => {
      const seeded = await seedTenant(db());
      const ids: string[] = [];
      for (let i = 0; i < 23; i++) {
        // Groups of three share a timestamp, so the id must break ties.
        const message = await ingestOne(seeded, { receivedAt: new Date(BASE + Math.floor(i / 3) * 1000) });
        ids.push(message.id);
      }
      const all = await collectAll(seeded, {}, 5);
      assert.equal(all.length, 23);
      assert.deepEqual(new Set(all.map((m) => m.id)), new Set(ids));
      for (let i = 1; i < all.length; i++) {
        const [prev, next] = [all[i - 1], all[i]];
        assert.ok(prev.receivedAt > next.receivedAt || (prev.receivedAt.getTime() === next.receivedAt.getTime() && prev.id > next.id));
      }
    });

    it('keeps microsecond timestamps in the cursor', async () => {
      const seeded = await seedTenant(db());
      const mailbox = seeded.mailbox.id;
      const message = await ingestOne(seeded);
      // Two more rows 1 and 2 microseconds later: a millisecond cursor would lose or repeat them.
      for (const micros of [1, 2]) {
        await db().query(
          `INSERT INTO messages (tenant_id, mailbox_id, provider_message_id, received_at, size_bytes, sha256)
           SELECT tenant_id, $2, $3, received_at + make_interval(secs => $4::float8 / 1000000), size_bytes, sha256 FROM messages WHERE id = $1`,
          [message.id, mailbox, `micro-${micros}`, micros],
        );
      }
      const all = await collectAll(seeded, {}, 1);
      assert.deepEqual(
        all.map((m) => m.providerMessageId),
        ['micro-2', 'micro-1', message.providerMessageId],
      );
    });

    it('filters by sender, subject text, verdict and time range', async () => {
      const seeded = await seedTenant(db());
      const at = (day: number) => new Date(BASE + day * DAY);
      const invoice = await ingestOne(seeded, { subject: 'Your INVOICE 100% due', from: 'billing@vendor.test', receivedAt: at(1) });
      const news = await ingestOne(seeded, { subject: 'Weekly news', from: 'news@vendor.test', receivedAt: at(2) });
      const phish = await ingestOne(seeded, { subject: 'Reset your password', from: 'it@evil.test', receivedAt: at(3) });
      const unscanned = await ingestOne(seeded, { subject: 'Lunch?', from: 'bob@colleague.test', receivedAt: at(4) });
      await seeded.repos.reports.save(seeded.tenant.id, invoice.id, sampleReport('clean', 0));
      await seeded.repos.reports.save(seeded.tenant.id, news.id, sampleReport('graymail', 1));
      await seeded.repos.reports.save(seeded.tenant.id, phish.id, sampleReport('phish', 12));
      const ids = async (filter: MessageFilter) => (await seeded.repos.messages.list(seeded.tenant.id, filter)).items.map((m) => m.id);

      assert.deepEqual(await ids({}), [unscanned.id, phish.id, news.id, invoice.id]);
      assert.deepEqual(await ids({ sender: 'IT@evil.test' }), [phish.id]);
      assert.deepEqual(await ids({ subject: 'invoice' }), [invoice.id]);
      assert.deepEqual(await ids({ subject: '100%' }), [invoice.id]);
      assert.deepEqual(await ids({ subject: '%' }), [invoice.id], '% is matched literally');
      assert.deepEqual(await ids({ subject: '_' }), [], '_ is matched literally');
      assert.deepEqual(await ids({ verdict: 'phish' }), [phish.id]);
      assert.deepEqual(await ids({ verdict: ['clean', 'graymail'] }), [news.id, invoice.id]);
      assert.deepEqual(await ids({ verdict: 'unscanned' }), [unscanned.id]);
      assert.deepEqual(await ids({ verdict: ['phish', 'unscanned'] }), [unscanned.id, phish.id]);
      assert.deepEqual(await ids({ since: at(2), until: at(4) }), [phish.id, news.id]);
      assert.deepEqual(await ids({ mailboxId: seeded.mailbox.id, sender: 'news@vendor.test', since: at(2) }), [news.id]);
    });

    it('refuses a cursor that was not issued by the list', async () => {
      const seeded = await seedTenant(db());
      await assert.rejects(seeded.repos.messages.list(seeded.tenant.id, {}, { cursor: 'garbage' }), { code: 'STORAGE_BAD_CURSOR' });
      const forged = Buffer.from(JSON.stringify(["2026-01-01'; DROP TABLE messages; --", 'x'])).toString('base64url');
      await assert.rejects(seeded.repos.messages.list(seeded.tenant.id, {}, { cursor: forged }), { code: 'STORAGE_BAD_CURSOR' });
      await assert.rejects(seeded.repos.messages.list(seeded.tenant.id, {}, { limit: 0 }), { code: 'STORAGE_INVALID_VALUE' });
    });

    it('counts messages per UTC day and verdict', async () => {
      const seeded = await seedTenant(db());
      const day1 = new Date('2026-11-10T23:59:59Z');
      const day2 = new Date('2026-11-11T00:00:01Z');
      const a = await ingestOne(seeded, { receivedAt: day1 });
      const b = await ingestOne(seeded, { receivedAt: day1 });
      const c = await ingestOne(seeded, { receivedAt: day2 });
      await ingestOne(seeded, { receivedAt: day2 });
      await ingestOne(seeded, { receivedAt: new Date('2026-11-12T00:00:00Z') });
      await seeded.repos.reports.save(seeded.tenant.id, a.id, sampleReport('phish', 10));
      await seeded.repos.reports.save(seeded.tenant.id, b.id, sampleReport('phish', 9));
      await seeded.repos.reports.save(seeded.tenant.id, c.id, sampleReport('clean', 0));
      const counts = await seeded.repos.messages.countByVerdictPerDay(seeded.tenant.id, {
        since: new Date('2026-11-10T00:00:00Z'),
        until: new Date('2026-11-12T00:00:00Z'),
      });
      assert.deepEqual(counts, [
        { day: '2026-11-10', verdict: 'phish', count: 2 },
        { day: '2026-11-11', verdict: 'clean', count: 1 },
        { day: '2026-11-11', verdict: 'unscanned', count: 1 },
      ]);
    });
  });
}
