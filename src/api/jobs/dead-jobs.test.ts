import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('dead jobs API', () => {
  const world = useApiWorld();

  it('lists the tenant dead jobs with their last error', async () => {
    const { app, a } = world();
    const response = await call(app, a.keys.admin, 'GET', `${V}/jobs/dead`);
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json().items as { jobId: string; type: string; lastError: string; payload: { tenantId: string } }[];
    assert.deepEqual(
      items.map((job) => job.jobId),
      [a.deadJobId],
    );
    assert.equal(items[0].type, 'scan-message');
    assert.equal(items[0].lastError, 'detector crashed');
    assert.equal(items[0].payload.tenantId, a.tenantId);
  });

  it('retries a dead job once (202), audits it, and answers 404 for a job that is no longer dead', async () => {
    const { app, a, deps } = world();
    const response = await call(app, a.keys.admin, 'POST', `${V}/jobs/dead/${a.deadJobId}/retry`);
    assert.equal(response.statusCode, 202, response.body);
    assert.deepEqual(response.json(), { jobId: a.deadJobId, retried: true });
    const { rows } = await deps.db.query<{ state: string }>('SELECT state FROM jobs WHERE id = $1', [a.deadJobId]);
    assert.equal(rows[0].state, 'queued');
    assert.equal((await deps.repos.audit.list(a.tenantId, { action: 'job.retry', targetId: a.deadJobId })).items.length, 1);
    const again = await call(app, a.keys.admin, 'POST', `${V}/jobs/dead/${a.deadJobId}/retry`);
    assert.equal(again.statusCode, 404);
    assert.equal(errorCode(again), 'NOT_FOUND');
  });

  it('refuses invalid limits and non-admin keys', async () => {
    const { app, a } = world();
    assert.equal((await call(app, a.keys.admin, 'GET', `${V}/jobs/dead?limit=0`)).statusCode, 400);
    assert.equal((await call(app, a.keys.analyst, 'GET', `${V}/jobs/dead`)).statusCode, 403);
    assert.equal((await call(app, a.keys.analyst, 'POST', `${V}/jobs/dead/${a.deadJobId}/retry`)).statusCode, 403);
  });
});
