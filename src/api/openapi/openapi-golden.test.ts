import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { OPENAPI_PATH, renderOpenApiDocument } from './generate-document.ts';

describe('OpenAPI document', () => {
  it(`${OPENAPI_PATH} is up to date (run 'npm run openapi' after changing a route or schema)`, async () => {
    const checkedIn = readFileSync(resolve(import.meta.dirname, '../../..', OPENAPI_PATH), 'utf8');
    assert.equal(checkedIn, await renderOpenApiDocument());
  });

  it('documents every operation with a tag, a summary and its access rule', async () => {
    const document = JSON.parse(await renderOpenApiDocument()) as {
      openapi: string;
      paths: Record<string, Record<string, { tags?: string[]; summary?: string; description?: string; security?: unknown[] }>>;
    };
    assert.equal(document.openapi, '3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    assert.ok(operations.length >= 20);
    for (const { path, method, op } of operations) {
      assert.ok(path.startsWith('/api/v1/'), path);
      assert.ok(op.tags?.length && op.summary, `${method} ${path} has a tag and a summary`);
      assert.match(op.description ?? '', /Access: /, `${method} ${path} states who may call it`);
      const isPublic = ['/api/v1/health', '/api/v1/ready', '/api/v1/session/login', '/api/v1/session/api-key'].includes(path);
      assert.deepEqual(op.security, isPublic ? [] : [{ apiKey: [] }], `${method} ${path} security`);
    }
  });
});
