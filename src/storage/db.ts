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

export interface Db extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
