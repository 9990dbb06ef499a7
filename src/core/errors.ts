/**
 * Errors carry a stable code so callers (CLI, API) can map them once to exit codes and
 * HTTP statuses, and so logs can be searched by kind.
 */
export type ErrorCode =
  | 'INPUT_NOT_EMAIL'
  | 'INPUT_UNREADABLE'
  | 'MIME_LIMIT_EXCEEDED'
  | 'MIME_PARSE_FAILED'
  | 'CONFIG_INVALID'
  | 'DETECTOR_TIMEOUT'
  | 'DETECTOR_FAILED'
  | 'DNS_TEMPERROR'
  | 'MODEL_UNREADABLE';

export class MailwardError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailwardError';
    this.code = code;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
