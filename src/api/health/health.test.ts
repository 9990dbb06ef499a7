import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApi } from '../server.ts';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('health and readiness', () => {
  const world = useApiWorld();

  it('answers liveness and readiness without a key', async () => {
    const { app } = world();
    assert.deepEqual((await call(app, null, 'GET', `${V}/health`)).json(), { status: 'ok' });
    assert.deepEqual((await call(app, null, 'GET', `${V}/ready`)).json(), { status: 'ready' });
  });

  it('is not ready (503) when the database does not answer', async () => {
    const { deps } = world();
    const unreachable = { ...deps.db, query: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) };
    const app = await buildApi({ ...deps, db: unreachable });
    try {
      const response = await call(app, null, 'GET', `${V}/ready`);
      assert.equal(response.statusCode, 503);
      assert.equal(errorCode(response), 'NOT_READY');
      assert.equal(response.body.includes('ECONNREFUSED'), false, 'no internals in the answer');
      assert.equal((await call(app, null, 'GET', `${V}/health`)).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
