import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { API_PREFIX } from '../server.ts';
import { type ApiWorld, call } from './api-world.ts';

/**
 * One case per route: tenant B's admin (the strongest key) aims at tenant A's data. Id routes
 * must answer 404 (never 403: ids must not leak) and leave A's data as it was; list routes must
 * show none of A's rows; settings must stay apart. A new route without a case fails the suite.
 */
export type CrossTenantCase = (world: ApiWorld) => Promise<void>;

const V = API_PREFIX;

function json(response: LightMyRequestResponse): Record<string, unknown> {
  return response.json() as Record<string, unknown>;
}

function assertNotFound(response: LightMyRequestResponse, what: string): void {
  assert.equal(response.statusCode, 404, `${what}: expected 404, got ${response.statusCode} ${response.body}`);
  assert.equal((json(response).error as { code: string }).code.endsWith('NOT_FOUND'), true, response.body);
}

function ids(response: LightMyRequestResponse, field = 'id'): string[] {
  assert.equal(response.statusCode, 200, response.body);
  return (json(response).items as Record<string, unknown>[]).map((item) => String(item[field]));
}

async function stateOfA(world: ApiWorld, messageId: string): Promise<string | undefined> {
  return (await world.deps.repos.quarantine.get(world.a.tenantId, messageId))?.state;
}

/** A's quarantined message stays quarantined whatever B sends. */
async function assertDecisionRefused(world: ApiWorld, decision: string): Promise<void> {
  const { a, b } = world;
  assertNotFound(await call(world.app, b.keys.admin, 'POST', `${V}/quarantine/${a.quarantined.id}/${decision}`, { body: {} }), decision);
  const bulk = await call(world.app, b.keys.admin, 'POST', `${V}/quarantine/bulk/${decision}`, {
    body: { messageIds: [a.quarantined.id, a.toDelete.id] },
  });
  assert.equal(bulk.statusCode, 200, bulk.body);
  for (const result of json(bulk).results as { ok: boolean; error?: { code: string } }[]) {
    assert.equal(result.ok, false);
    assert.match(result.error!.code, /NOT_FOUND$/);
  }
  assert.equal(await stateOfA(world, a.quarantined.id), 'quarantined');
  assert.equal(await stateOfA(world, a.toDelete.id), 'quarantined');
  assert.deepEqual(await world.deps.repos.notThreat.list(a.tenantId), []);
}

const decisionCase =
  (decision: string): CrossTenantCase =>
  (world) =>
    assertDecisionRefused(world, decision);

export const CROSS_TENANT_CASES: Record<string, CrossTenantCase> = {
  // No tenant data behind these: nothing to cross.
  [`GET ${V}/health`]: async (world) => assert.equal((await call(world.app, null, 'GET', `${V}/health`)).statusCode, 200),
  [`GET ${V}/ready`]: async (world) => assert.equal((await call(world.app, null, 'GET', `${V}/ready`)).statusCode, 200),
  [`GET ${V}/metrics`]: async (world) => {
    const response = await call(world.app, world.b.keys.admin, 'GET', `${V}/metrics`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.body.includes(world.a.tenantId), false, 'metrics name no tenant');
  },

  [`GET ${V}/messages`]: async ({ app, a, b }) => {
    const seen = ids(await call(app, b.keys.admin, 'GET', `${V}/messages?limit=500`));
    for (const id of [a.quarantined.id, a.toDelete.id, a.clean.id]) assert.equal(seen.includes(id), false);
    assert.equal(seen.includes(b.clean.id), true, 'B sees its own');
    const byMailbox = await call(app, b.keys.admin, 'GET', `${V}/messages?mailboxId=${a.seeded.mailbox.id}`);
    assert.deepEqual(ids(byMailbox), []);
  },
  [`POST ${V}/messages`]: async (world) => {
    const response = await call(world.app, world.b.keys.admin, 'POST', `${V}/messages?mailboxId=${world.a.seeded.mailbox.id}`, {
      body: Buffer.from('From: x@example.test\r\nSubject: cross\r\n\r\nbody\r\n'),
      headers: { 'content-type': 'message/rfc822' },
    });
    assertNotFound(response, 'upload into A mailbox');
    const inA = await world.deps.repos.messages.list(world.a.tenantId, { subject: 'cross' });
    assert.deepEqual(inA.items, []);
  },
  [`GET ${V}/messages/:id`]: async ({ app, a, b }) => {
    for (const id of [a.quarantined.id, a.clean.id]) assertNotFound(await call(app, b.keys.admin, 'GET', `${V}/messages/${id}`), 'message');
  },
  [`GET ${V}/messages/:id/raw`]: async ({ app, a, b }) => {
    assertNotFound(await call(app, b.keys.admin, 'GET', `${V}/messages/${a.quarantined.id}/raw`), 'raw');
  },

  [`GET ${V}/quarantine`]: async ({ app, a, b }) => {
    const seen = ids(await call(app, b.keys.admin, 'GET', `${V}/quarantine?limit=500`), 'messageId');
    assert.equal(seen.includes(a.quarantined.id), false);
    assert.equal(seen.includes(a.toDelete.id), false);
  },
  [`POST ${V}/quarantine/:messageId/release`]: decisionCase('release'),
  [`POST ${V}/quarantine/:messageId/delete`]: decisionCase('delete'),
  [`POST ${V}/quarantine/:messageId/not-a-threat`]: decisionCase('not-a-threat'),
  [`POST ${V}/quarantine/bulk/release`]: decisionCase('release'),
  [`POST ${V}/quarantine/bulk/delete`]: decisionCase('delete'),
  [`POST ${V}/quarantine/bulk/not-a-threat`]: decisionCase('not-a-threat'),

  [`POST ${V}/reports`]: async ({ app, deps, a, b }) => {
    const layerBefore = await deps.repos.tenantModel.layer(a.tenantId);
    assertNotFound(await call(app, b.keys.admin, 'POST', `${V}/reports`, { body: { messageId: a.quarantined.id } }), 'report by id');
    // B forwarding a copy of A's message must not find A's original.
    const copy = await call(app, b.keys.admin, 'POST', `${V}/reports`, { body: { rawMessage: a.quarantinedRaw.toString('base64') } });
    assert.equal(copy.statusCode, 201, copy.body);
    assert.equal(json(copy).messageId, null);
    assert.deepEqual(await deps.repos.userReports.list(a.tenantId), []);
    assert.equal((await deps.repos.tenantModel.layer(a.tenantId)).updates, layerBefore.updates);
  },
  [`GET ${V}/reports`]: async ({ app, deps, a, b }) => {
    const mine = await deps.repos.userReports.record(a.tenantId, {
      channel: 'api',
      reporter: 'alice@example.com',
      messageId: a.quarantined.id,
      reportedSha256: 'a'.repeat(64),
      matchedBy: 'id',
      verdictClass: 'phish',
      verdictScore: 9.5,
    });
    const seen = ids(await call(app, b.keys.admin, 'GET', `${V}/reports`));
    assert.equal(seen.includes(mine.id), false);
  },
  [`GET ${V}/stats/verdicts`]: async ({ app, deps, b }) => {
    const response = await call(app, b.keys.admin, 'GET', `${V}/stats/verdicts`);
    assert.equal(response.statusCode, 200, response.body);
    const total = (json(response).days as { counts: Record<string, number> }[]).reduce(
      (sum, day) => sum + Object.values(day.counts).reduce((s, n) => s + n, 0),
      0,
    );
    const own = await deps.repos.messages.list(b.tenantId, {}, { limit: 500 });
    assert.equal(total, own.items.length, 'B counts only its own messages');
  },
  [`GET ${V}/audit`]: async ({ app, deps, a, b }) => {
    await deps.repos.audit.append(a.tenantId, { actor: { kind: 'system', id: 'system' }, action: 'test.secret-of-a' });
    const response = await call(app, b.keys.admin, 'GET', `${V}/audit?limit=500`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.body.includes('test.secret-of-a'), false);
    assert.equal(response.body.includes(a.tenantId), false);
  },

  [`GET ${V}/jobs/dead`]: async ({ app, a, b }) => {
    const seen = ids(await call(app, b.keys.admin, 'GET', `${V}/jobs/dead?limit=500`), 'jobId');
    assert.equal(seen.includes(a.deadJobId), false);
    assert.equal(seen.includes(b.deadJobId), true, 'B sees its own dead job');
  },
  [`POST ${V}/jobs/dead/:jobId/retry`]: async ({ app, deps, a, b }) => {
    assertNotFound(await call(app, b.keys.admin, 'POST', `${V}/jobs/dead/${a.deadJobId}/retry`), 'dead job');
    const dead = await deps.queue.listDead({ limit: 1000 });
    assert.equal(
      dead.some((job) => job.jobId === a.deadJobId),
      true,
      'A job is still dead',
    );
  },

  [`GET ${V}/settings`]: async ({ app, deps, a, b }) => {
    await deps.repos.settings.update(a.tenantId, (s) => ({ ...s, allowList: { senders: ['only-a@a.example'], domains: [] } }));
    const response = await call(app, b.keys.admin, 'GET', `${V}/settings`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.body.includes('only-a@a.example'), false);
  },
  [`PUT ${V}/settings`]: async ({ app, deps, a, b }) => {
    const before = await deps.repos.settings.get(a.tenantId);
    const response = await call(app, b.keys.admin, 'PUT', `${V}/settings`, { body: { retention: { cleanDays: 7, threatDays: 8 } } });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(await deps.repos.settings.get(a.tenantId), before, 'A settings unchanged');
  },

  [`GET ${V}/api-keys`]: async ({ app, a, b }) => {
    const seen = ids(await call(app, b.keys.admin, 'GET', `${V}/api-keys`));
    assert.equal(seen.includes(a.adminKeyId), false);
  },
  [`POST ${V}/api-keys`]: async ({ app, deps, a, b }) => {
    const response = await call(app, b.keys.admin, 'POST', `${V}/api-keys`, { body: { name: 'made-by-b', role: 'admin' } });
    assert.equal(response.statusCode, 201, response.body);
    const created = json(response).key as { id: string };
    assert.equal(await deps.repos.apiKeys.get(a.tenantId, created.id), null, 'the key belongs to B, not A');
    assert.equal((await deps.repos.apiKeys.get(b.tenantId, created.id))?.name, 'made-by-b');
  },
  [`DELETE ${V}/api-keys/:id`]: async ({ app, a, b }) => {
    assertNotFound(await call(app, b.keys.admin, 'DELETE', `${V}/api-keys/${a.adminKeyId}`), 'api key');
    assert.equal((await call(app, a.keys.admin, 'GET', `${V}/api-keys`)).statusCode, 200, 'A admin key still works');
  },
};
