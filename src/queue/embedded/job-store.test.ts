import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../storage/db.ts';
import { openDb } from '../../storage/open-db.ts';
import { JobStore, type NewJob } from './job-store.ts';

const job = (key: string, partitionKey: string): NewJob => ({
  type: 'scan-message',
  payload: { tenantId: 't', mailboxId: 'm', messageId: key },
  idempotencyKey: key,
  partitionKey,
  maxAttempts: 3,
});

describe('JobStore batches (embedded queue)', () => {
  let db: Db;
  let store: JobStore;

  before(async () => {
    db = await openDb({ memory: true });
    store = new JobStore(db);
  });
  after(() => db.close());

  it('enqueues a batch in list order, one job per key however often it is listed', async () => {
    const results = await store.enqueueMany([job('a1', 'A'), job('b1', 'B'), job('a1', 'A'), job('a2', 'A')], 60_000);
    assert.deepEqual(
      results.map((r) => r.created),
      [true, true, false, true],
    );
    assert.equal(results[2].jobId, results[0].jobId, 'the repeat names the job already there');
    assert.ok(Number(results[0].jobId) < Number(results[1].jobId) && Number(results[1].jobId) < Number(results[3].jobId));
    const again = await store.enqueueMany([job('b1', 'B'), job('c1', 'C')], 60_000);
    assert.deepEqual(again, [
      { jobId: results[1].jobId, created: false },
      { jobId: again[1].jobId, created: true },
    ]);
  });

  it('claims at most one job per partition in one round, the oldest of each, and the next once it is done', async () => {
    const first = await store.claimMany('w1', ['scan-message'], 60_000, 10);
    assert.deepEqual(
      first.map((j) => j.idempotency_key),
      ['a1', 'b1', 'c1'],
    );
    assert.deepEqual(await store.claimMany('w2', ['scan-message'], 60_000, 10), [], 'partitions under a lease wait');
    await store.completeMany(
      first.map((j) => j.id),
      'w1',
    );
    const next = await store.claimMany('w2', ['scan-message'], 60_000, 10);
    assert.deepEqual(
      next.map((j) => j.idempotency_key),
      ['a2'],
    );
    await store.completeMany([next[0].id, first[0].id], 'w1');
    const { rows } = await db.query<{ state: string }>('SELECT state FROM jobs WHERE id = $1', [next[0].id]);
    assert.equal(rows[0].state, 'running', "another worker's completion leaves a job alone");
  });
});
