/** Small conversions shared by repositories, so both drivers' values come back in one shape. */

export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/** Timestamps go to the database as ISO strings with `::timestamptz`, the same on both drivers. */
export function isoOrNull(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** JSONB goes in as text: `pg` would turn a JS array into a PostgreSQL array, not JSON. */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Escapes LIKE wildcards so user text is matched literally inside `%...%`. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs; a malformed one cannot match a row, and must not become a SQL error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A timestamp column as UTC text with microseconds, independent of the session's DateStyle. */
export function cursorTime(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
