/**
 * Storage failures with stable codes, so the API can map them once (not found -> 404,
 * conflict -> 409) and operators can search logs by kind.
 */
export type StorageErrorCode =
  | 'STORAGE_CONFIG_INVALID'
  | 'STORAGE_MIGRATION_FAILED'
  | 'STORAGE_MIGRATION_CHANGED'
  | 'STORAGE_NOT_FOUND'
  | 'STORAGE_CONFLICT'
  | 'STORAGE_INVALID_TRANSITION'
  | 'STORAGE_INVALID_VALUE'
  | 'STORAGE_RAW_CORRUPT'
  | 'STORAGE_BAD_CURSOR';

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}

/** SQLSTATE of a driver error; both drivers put it on `code`. */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503';
}
