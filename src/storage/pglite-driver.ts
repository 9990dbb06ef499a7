import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, QueryResult, ScriptRunner } from './db.ts';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

/** PGlite reports `affectedRows` for writes and nothing for reads; `pg` counts both. */
function toResult<T>(result: { rows: T[]; affectedRows?: number }): QueryResult<T> {
  return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
}

function runner(conn: PgliteLike): ScriptRunner {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return toResult(await conn.query<T>(sql, params));
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  };
}

/** Extensions the migrations create; PGlite must be given their files when it starts. */
export const PGLITE_EXTENSIONS = { pg_trgm };

/** Wraps an open PGlite instance; the returned `Db` owns it and closes it. */
export function pgliteDb(pg: PGlite): Db {
  const base = runner(pg);
  return {
    driver: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(runner(tx))),
    close: () => pg.close(),
  };
}

/**
 * The embedded driver: PostgreSQL compiled to WebAssembly, in this process.
 * `dataDir` undefined keeps everything in memory (unit tests); otherwise it is a folder on disk.
 * PGlite has one connection; it queues queries behind an open transaction itself.
 */
export async function openPgliteDb(options: { dataDir?: string } = {}): Promise<Db> {
  return pgliteDb(await PGlite.create(options.dataDir, { extensions: PGLITE_EXTENSIONS }));
}
