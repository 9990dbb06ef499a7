import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestOne, sampleReport } from '../../storage/testing/fixtures.ts';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('stats API', () => {
  const world = useApiWorld();

  it('counts the tenant messages by verdict per UTC day', async () => {
    const { app, a } = world();
    const lastWeek = new Date(Date.now() - 7 * 24 * 3600 * 1000);
    const old = await ingestOne(a.seeded, { receivedAt: lastWeek });
    await a.seeded.repos.reports.save(a.tenantId, old.id, sampleReport('spam', 6));
    await ingestOne(a.seeded, { receivedAt: lastWeek });
    const response = await call(app, a.keys.readOnly, 'GET', `${V}/stats/verdicts`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as { days: { day: string; counts: Record<string, number> }[] };
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(body.days, [
      { day: lastWeek.toISOString().slice(0, 10), counts: { spam: 1, unscanned: 1 } },
      { day: today, counts: { clean: 1, malware: 1, phish: 1 } },
    ]);
  });

  it('takes an explicit range and refuses empty, reversed or over-long ones', async () => {
    const { app, a } = world();
    const until = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const since = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const empty = await call(app, a.keys.readOnly, 'GET', `${V}/stats/verdicts?since=${since}&until=${until}`);
    assert.equal(empty.statusCode, 200);
    assert.deepEqual(empty.json().days, []);
    assert.equal(empty.json().since, since);
    for (const query of [`since=${until}&until=${since}`, 'since=2020-01-01T00:00:00Z&until=2026-01-01T00:00:00Z', 'since=last-week']) {
      const response = await call(app, a.keys.readOnly, 'GET', `${V}/stats/verdicts?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(errorCode(response), 'VALIDATION_FAILED');
    }
  });
});
