import pg from 'pg';
import type { Db, QueryResult, ScriptRunner } from './db.ts';

const INT8_OID = 20;

/**
 * `pg` returns bigint columns as strings; PGlite returns numbers. Counts and sizes here stay far
 * below 2^53, so both drivers hand back numbers and repositories see one shape.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

interface PgQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

function runner(conn: PgQueryable): ScriptRunner {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const result = await conn.query(sql, params);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string) {
      // Without parameters `pg` uses the simple protocol, which accepts several statements.
      await conn.query(sql);
    },
  };
}

export interface PostgresOptions {
  url: string;
  /** Connections in the pool; API nodes and workers each hold their own pool. */
  maxConnections?: number;
}

/** The scale-out driver: a pool of connections to a PostgreSQL server. */
export async function openPostgresDb(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, types: typeParsers });
  // An idle connection dropped by the server emits 'error' on the pool; without a listener that
  // would end the process. The pool discards the broken client and the next query reconnects.
  pool.on('error', () => {});
  // Fail at start-up, not on the first request, when the URL points nowhere.
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  const base = runner(pool);
  return {
    driver: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(runner(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          // The connection is unusable: destroy it rather than return it to the pool.
          client.release(rollbackError instanceof Error ? rollbackError : true);
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
