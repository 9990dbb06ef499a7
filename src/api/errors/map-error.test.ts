import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MailwardError } from '../../core/errors.ts';
import { StorageError } from '../../storage/errors.ts';
import { ApiError } from './api-error.ts';
import { toHttpError } from './map-error.ts';

describe('error mapping', () => {
  it('maps storage codes to statuses and keeps client-facing messages', () => {
    assert.deepEqual(toHttpError(new StorageError('STORAGE_NOT_FOUND', 'message not found')), {
      statusCode: 404,
      code: 'STORAGE_NOT_FOUND',
      message: 'message not found',
    });
    assert.equal(toHttpError(new StorageError('STORAGE_CONFLICT', 'x')).statusCode, 409);
    assert.equal(toHttpError(new StorageError('STORAGE_INVALID_TRANSITION', 'x')).statusCode, 409);
    assert.equal(toHttpError(new StorageError('STORAGE_INVALID_VALUE', 'x')).statusCode, 400);
    assert.equal(toHttpError(new StorageError('STORAGE_BAD_CURSOR', 'x')).statusCode, 400);
  });

  it('hides the text of server-side faults', () => {
    const corrupt = toHttpError(new StorageError('STORAGE_RAW_CORRUPT', 'raw abc123 at /var/lib/x does not match'));
    assert.equal(corrupt.statusCode, 500);
    assert.equal(corrupt.message.includes('/var/lib'), false);
    const unknown = toHttpError(new Error('connection to 10.0.0.5 refused, password=hunter2'));
    assert.deepEqual(unknown, { statusCode: 500, code: 'INTERNAL', message: 'internal server error' });
  });

  it('maps engine input errors to 400 and the rest to 500', () => {
    assert.equal(toHttpError(new MailwardError('MIME_LIMIT_EXCEEDED', 'too big')).statusCode, 400);
    assert.equal(toHttpError(new MailwardError('DETECTOR_FAILED', 'boom')).statusCode, 500);
  });

  it('keeps API errors as raised, and maps fastify validation and media-type errors', () => {
    assert.deepEqual(toHttpError(new ApiError(403, 'FORBIDDEN', 'no')), { statusCode: 403, code: 'FORBIDDEN', message: 'no' });
    const validation = Object.assign(new Error('body/name must be string'), { validation: [{}], statusCode: 400 });
    assert.deepEqual(toHttpError(validation), { statusCode: 400, code: 'VALIDATION_FAILED', message: 'body/name must be string' });
    const media = Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    assert.equal(toHttpError(media).code, 'UNSUPPORTED_MEDIA_TYPE');
  });
});
