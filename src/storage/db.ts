/**
 * The one storage interface. Two drivers implement it: PGlite (embedded default, a data folder,
 * nothing to install) and PostgreSQL (scale-out, `DATABASE_URL`). SQL is written once, in the
 * PostgreSQL dialect both understand, with `$1` placeholders.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

/**
 * A connection that can also run a script of several statements without parameters.
 * Migrations need it: a parameterised query is one statement only on PGlite.
 */
export interface ScriptRunner extends Queryable {
  exec(sql: string): Promise<void>;
}

export interface Db extends ScriptRunner {
  readonly driver: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
