import type { Queryable } from './db.ts';

interface Transactional extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

function isTransactional(q: Queryable): q is Transactional {
  return typeof (q as Partial<Transactional>).transaction === 'function';
}

/**
 * Runs `fn` in a transaction. Repositories are built on a `Db` or on a transaction handle: on a
 * `Db` this opens one; inside a caller's transaction it joins it, so use cases can combine
 * several repository calls atomically.
 */
export function withTransaction<T>(q: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return isTransactional(q) ? q.transaction(fn) : fn(q);
}
