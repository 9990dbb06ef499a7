import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../../src/storage/db.ts';
import type { MessageFilter } from '../../../src/storage/message-list.ts';
import { createRepositories } from '../../../src/storage/repositories.ts';
import { seedTenant } from '../../../src/storage/testing/fixtures.ts';
import { pgliteHarness } from '../../../src/storage/testing/harness.ts';
import { postgresHarness } from './postgres-harness.ts';

const ROWS = 50_000;
const BUDGET_MS = 100;
const NOW = Date.parse('2026-11-20T00:00:00Z');

/** 50,000 messages for one tenant (and 10,000 for another, so scoping matters), written by SQL. */
async function seed(db: Db): Promise<string> {
  const big = await seedTenant(db, 'big');
  const noise = await seedTenant(db, 'noise');
  for (const [seeded, count] of [
    [big, ROWS],
    [noise, 10_000],
  ] as const) {
    const raw = await seeded.repos.rawMime.put(seeded.tenant.id, Buffer.from('Subject: perf\r\n\r\nbody\r\n'));
    await db.query(
      `INSERT INTO messages (tenant_id, mailbox_id, provider_message_id, from_address, subject, received_at, size_bytes, sha256,
         verdict_class, verdict_score, scanned_at)
       SELECT $1, $2, 'perf-' || g, 'sender' || (g % 500) || '@example.test', 'Subject number ' || g,
         $3::timestamptz - make_interval(secs => g * 37), 1000, $4,
         (ARRAY['clean', 'clean', 'clean', 'graymail', 'spam', 'phish'])[1 + g % 6], g % 13, now()
       FROM generate_series(1, $5::int) g`,
      [seeded.tenant.id, seeded.mailbox.id, new Date(NOW).toISOString(), raw.sha256, count],
    );
  }
  await db.exec('ANALYZE messages');
  return big.tenant.id;
}

async function median(fn: () => Promise<unknown>, runs = 7): Promise<number> {
  await fn(); // warm caches and plans
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

for (const harness of [postgresHarness(), pgliteHarness({ onDisk: false })]) {
  describe(`keyset paging over ${ROWS} messages (${harness.name})`, () => {
    let db: Db;
    let tenantId: string;
    before(async () => {
      db = await harness.shared();
      tenantId = await seed(db);
    });
    after(() => harness.cleanup());

    const cases: [string, MessageFilter][] = [
      ['no filter', {}],
      ['verdict = phish', { verdict: 'phish' }],
      ['one sender', { sender: 'sender42@example.test' }],
      ['subject text', { subject: 'number 4999' }],
      ['time range', { since: new Date(NOW - 30 * 86_400_000), until: new Date(NOW - 10 * 86_400_000) }],
    ];
    for (const [label, filter] of cases) {
      it(`first and deep pages stay under ${BUDGET_MS} ms: ${label}`, async () => {
        const messages = createRepositories(db).messages;
        const first = await messages.list(tenantId, filter, { limit: 50 });
        assert.ok(first.items.length > 0);
        assert.ok(first.items.every((m) => m.tenantId === tenantId));
        // Walk 20 pages in, then time the 21st: keyset paging should not slow down with depth.
        let cursor = first.nextCursor;
        for (let i = 0; i < 20 && cursor; i++) cursor = (await messages.list(tenantId, filter, { limit: 50, cursor })).nextCursor;
        const firstMs = await median(() => messages.list(tenantId, filter, { limit: 50 }));
        const deepMs = cursor ? await median(() => messages.list(tenantId, filter, { limit: 50, cursor: cursor! })) : 0;
        const deep = cursor ? `${deepMs.toFixed(1)} ms` : 'n/a (fewer pages)';
        console.log(`[${harness.name}] ${label}: first page ${firstMs.toFixed(1)} ms, page 22 ${deep}`);
        assert.ok(firstMs < BUDGET_MS, `first page took ${firstMs.toFixed(1)} ms`);
        assert.ok(deepMs < BUDGET_MS, `deep page took ${deepMs.toFixed(1)} ms`);
      });
    }

    it('counts a month by verdict per day quickly', async () => {
      const ms = await median(() =>
        createRepositories(db).messages.countByVerdictPerDay(tenantId, { since: new Date(NOW - 30 * 86_400_000), until: new Date(NOW) }),
      );
      console.log(`[${harness.name}] counts by verdict per day over 30 days: ${ms.toFixed(1)} ms`);
      assert.ok(ms < 500, `took ${ms.toFixed(1)} ms`);
    });
  });
}
