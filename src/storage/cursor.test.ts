import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, pageSize, toPage } from './cursor.ts';

describe('paging cursors', () => {
  it('round-trips a key with microseconds', () => {
    const key = { at: '2026-11-23T11:05:09.511234Z', id: '19e8a7a3-bd56-44bf-acd2-5e9774194bba' };
    assert.deepEqual(decodeCursor(encodeCursor(key)), key);
    assert.deepEqual(decodeCursor(encodeCursor({ at: key.at, id: '42' })), { at: key.at, id: '42' });
  });

  it('refuses tampered cursors with a typed error', () => {
    for (const bad of [
      '',
      'x',
      encodeCursor({ at: 'yesterday', id: '1' }),
      encodeCursor({ at: '2026-11-23T11:05:09Z', id: "1' OR 1=1" }),
    ]) {
      assert.throws(() => decodeCursor(bad), { code: 'STORAGE_BAD_CURSOR' }, bad);
    }
  });

  it('caps the page size and issues a cursor only when more rows exist', () => {
    assert.equal(pageSize(undefined), 50);
    assert.equal(pageSize(10_000), 500);
    assert.throws(() => pageSize(-1), { code: 'STORAGE_INVALID_VALUE' });
    const rows = [1, 2, 3].map((n) => ({ n, at: `2026-11-23T11:00:0${n}Z` }));
    const page = toPage(
      rows,
      2,
      (r) => r.n,
      (r) => ({ at: r.at, id: String(r.n) }),
    );
    assert.deepEqual(page.items, [1, 2]);
    assert.deepEqual(decodeCursor(page.nextCursor!), { at: '2026-11-23T11:00:02Z', id: '2' });
    assert.equal(
      toPage(
        rows,
        3,
        (r) => r.n,
        (r) => ({ at: r.at, id: String(r.n) }),
      ).nextCursor,
      null,
    );
  });
});
