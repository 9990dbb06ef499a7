import { ConnectorError } from '../../connectors/errors.ts';
import { MailwardError } from '../../core/errors.ts';
import { StorageError, type StorageErrorCode } from '../../storage/errors.ts';
import { ApiError } from './api-error.ts';

export interface HttpError {
  statusCode: number;
  code: string;
  message: string;
}

const STORAGE_STATUS: Record<StorageErrorCode, number> = {
  STORAGE_NOT_FOUND: 404,
  STORAGE_CONFLICT: 409,
  STORAGE_INVALID_TRANSITION: 409,
  STORAGE_INVALID_VALUE: 400,
  STORAGE_BAD_CURSOR: 400,
  STORAGE_RAW_CORRUPT: 500,
  STORAGE_CONFIG_INVALID: 500,
  STORAGE_MIGRATION_FAILED: 500,
  STORAGE_MIGRATION_CHANGED: 500,
};

// Fastify's own errors, by its code: what a client did wrong, in the API's words.
const FASTIFY_ERRORS: Record<string, { statusCode: number; code: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_BODY_TOO_LARGE: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { statusCode: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_JSON_BODY: { statusCode: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_EMPTY_TYPE: { statusCode: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { statusCode: 400, code: 'VALIDATION_FAILED' },
};

/**
 * The one place where a thrown error becomes an HTTP status, code and message. Unknown errors
 * become a 500 with a generic message: their text may hold internals the client must not see.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof ApiError) return { statusCode: error.statusCode, code: error.code, message: error.message };
  if (error instanceof StorageError) {
    const statusCode = STORAGE_STATUS[error.code];
    return statusCode < 500
      ? { statusCode, code: error.code, message: error.message }
      : { statusCode, code: error.code, message: 'the server could not read or write its storage' };
  }
  if (error instanceof ConnectorError) {
    // The service has no key to seal credentials with: an operator must set it; the text says how.
    if (error.code === 'CONNECTOR_SECRET_KEY_MISSING') return { statusCode: 503, code: error.code, message: error.message };
    return { statusCode: 502, code: error.code, message: error.message };
  }
  if (error instanceof MailwardError) {
    const client = error.code === 'INPUT_NOT_EMAIL' || error.code === 'INPUT_UNREADABLE' || error.code === 'MIME_LIMIT_EXCEEDED';
    return client
      ? { statusCode: 400, code: error.code, message: error.message }
      : { statusCode: 500, code: error.code, message: 'the message could not be processed' };
  }
  const fastify = error as { code?: unknown; validation?: unknown; validationContext?: unknown; message?: unknown; statusCode?: unknown };
  if (fastify.validation) {
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: String(fastify.message) };
  }
  const known = typeof fastify.code === 'string' ? FASTIFY_ERRORS[fastify.code] : undefined;
  if (known) return { ...known, message: String(fastify.message) };
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return { statusCode: fastify.statusCode, code: 'BAD_REQUEST', message: String(fastify.message) };
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'internal server error' };
}
