import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('settings API', () => {
  const world = useApiWorld();

  it('returns the complete settings document with defaults', async () => {
    const { app, a } = world();
    const response = await call(app, a.keys.admin, 'GET', `${V}/settings`);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      thresholds: {},
      allowList: { senders: [], domains: [] },
      blockList: { senders: [], domains: [] },
      signalWeights: {},
      vipNames: [],
      policy: { actions: {} },
      retention: { cleanDays: 30, threatDays: 90 },
    });
  });

  it('replaces the settings, normalises lists, stores them and audits which parts changed', async () => {
    const { app, a, deps } = world();
    const body = {
      thresholds: { phish: 7.5 },
      allowList: { senders: [' CEO@Partner.example '], domains: ['partner.example'] },
      signalWeights: { URL_IP_HOST: 2 },
    };
    const response = await call(app, a.keys.admin, 'PUT', `${V}/settings`, { body });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().allowList, { senders: ['ceo@partner.example'], domains: ['partner.example'] });
    const stored = await deps.repos.settings.get(a.tenantId);
    assert.equal(stored.thresholds.phish, 7.5);
    assert.equal(stored.signalWeights.URL_IP_HOST, 2);
    assert.deepEqual(stored.retention, { cleanDays: 30, threatDays: 90 });
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'settings.update' });
    assert.deepEqual(audit.items[0].details, { changed: ['thresholds', 'allowList', 'signalWeights'] });
  });

  it('refuses unknown fields and out-of-range values, leaving the settings unchanged', async () => {
    const { app, a, deps } = world();
    const before = await deps.repos.settings.get(a.tenantId);
    const bodies = [
      { thresholds: { fish: 3 } },
      { retention: { cleanDays: 0 } },
      { retention: { cleanDays: 5000 } },
      { signalWeights: { 'url-ip-host': 2 } },
      { allowList: { senders: 'ceo@partner.example' } },
      { colour: 'blue' },
      { policy: { actions: { phish: 'shred' } } },
      { policy: { actions: { urgent: 'quarantine' } } },
      { policy: { dryRun: 'yes' } },
      { policy: { quarantineMode: 'shred' } },
      { vipNames: 'Jane Doe' },
    ];
    for (const body of bodies) {
      const response = await call(app, a.keys.admin, 'PUT', `${V}/settings`, { body });
      assert.equal(response.statusCode, 400, `${JSON.stringify(body)}: ${response.body}`);
      assert.equal(errorCode(response), 'VALIDATION_FAILED');
    }
    assert.deepEqual(await deps.repos.settings.get(a.tenantId), before);
    assert.equal((await call(app, a.keys.analyst, 'GET', `${V}/settings`)).statusCode, 403);
  });

  it("stores the tenant's own policy: verdict classes it sets, the rest following the service", async () => {
    const { app, a, deps } = world();
    const current = (await call(app, a.keys.admin, 'GET', `${V}/settings`)).json();
    const body = { ...current, policy: { actions: { suspicious: 'quarantine', phish: 'none' } } };
    const response = await call(app, a.keys.admin, 'PUT', `${V}/settings`, { body });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().policy, { actions: { suspicious: 'quarantine', phish: 'none' } });
    assert.deepEqual((await deps.repos.settings.get(a.tenantId)).policy, { actions: { suspicious: 'quarantine', phish: 'none' } });
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'settings.update' });
    assert.deepEqual(audit.items[0].details, { changed: ['policy'] });
  });
});
