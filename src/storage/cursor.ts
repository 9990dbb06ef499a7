import { StorageError } from './errors.ts';

/**
 * Keyset paging: a cursor is the (time, id) of the last row seen, opaque to clients. The time is
 * kept as PostgreSQL's own text form so microseconds survive (a JS Date would drop them and a
 * page could repeat or skip rows).
 */
export interface CursorKey {
  at: string;
  id: string;
}

// Checked before the values reach SQL, so a tampered cursor is a 400, not a database error.
const PG_TIMESTAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d(:?\d\d)?)$/;
const CURSOR_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,18})$/i;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && PG_TIMESTAMP.test(String(value[0])) && CURSOR_ID.test(String(value[1]))) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the typed error below.
  }
  throw new StorageError('STORAGE_BAD_CURSOR', 'the paging cursor is not valid');
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw new StorageError('STORAGE_INVALID_VALUE', 'page size must be a positive integer');
  return Math.min(limit, MAX_PAGE_SIZE);
}

/** Rows were fetched with one extra: its presence says whether another page exists. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => CursorKey): Page<T> {
  const hasMore = rows.length > limit;
  const shown = hasMore ? rows.slice(0, limit) : rows;
  return { items: shown.map(map), nextCursor: hasMore ? encodeCursor(key(shown[shown.length - 1])) : null };
}
