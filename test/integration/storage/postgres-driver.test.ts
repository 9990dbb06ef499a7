import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDb } from '../../../src/storage/open-db.ts';
import { createTestDatabase, dropTestDatabase } from './postgres-harness.ts';

describe('PostgreSQL driver', () => {
  it('rolls a transaction back when its function throws, and commits when it resolves', async () => {
    const database = await createTestDatabase();
    const db = await openDb({ url: database.url, maxConnections: 3 });
    try {
      assert.equal(db.driver, 'postgres');
      await db.exec('CREATE TABLE probe (n int)');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO probe VALUES ($1)', [1]);
          throw new Error('changed my mind');
        }),
        /changed my mind/,
      );
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO probe VALUES ($1)', [2]);
      });
      const { rows, rowCount } = await db.query<{ n: number }>('SELECT n FROM probe');
      assert.deepEqual(rows, [{ n: 2 }]);
      assert.equal(rowCount, 1);
      const big = await db.query<{ n: number }>('SELECT 9007199254740::bigint AS n');
      assert.equal(big.rows[0].n, 9007199254740, 'bigint comes back as a number, as on PGlite');
      // More concurrent transactions than connections: they queue, none is lost.
      await Promise.all(Array.from({ length: 10 }, (_, i) => db.transaction((tx) => tx.query('INSERT INTO probe VALUES ($1)', [100 + i]))));
      assert.equal((await db.query<{ c: number }>('SELECT count(*)::int AS c FROM probe')).rows[0].c, 11);
    } finally {
      await db.close();
      await dropTestDatabase(database.name);
    }
  });

  it('fails at start-up with the driver error when the server is unreachable', async () => {
    await assert.rejects(
      openDb({ url: 'postgres://postgres@127.0.0.1:1/nowhere' }),
      (error: Error & { code?: string }) => error.code === 'ECONNREFUSED',
    );
  });
});
