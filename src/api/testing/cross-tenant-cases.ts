import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { LayerVerdictsRepository } from '../../storage/layer-verdicts.ts';
import { UsersRepository } from '../../storage/users.ts';
import { API_PREFIX } from '../server.ts';
import { type ApiWorld, call, callWithSession, loginSession } from './api-world.ts';

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

/** B's figures add up to B's own messages only. */
async function assertOwnStats(world: ApiWorld, url: string): Promise<void> {
  const { app, deps, b } = world;
  const response = await call(app, b.keys.admin, 'GET', url);
  assert.equal(response.statusCode, 200, response.body);
  const own = await deps.repos.messages.list(b.tenantId, {}, { limit: 500 });
  const scannedOwn = own.items.filter((m) => m.verdict !== null).length;
  if (url.endsWith('.csv')) {
    assert.match(response.body, new RegExp(`^summary,scanned,,${scannedOwn}\\r$`, 'm'));
  } else {
    assert.equal(json(response).scanned, scannedOwn);
  }
  assert.equal(
    response.body.includes(world.a.quarantined.from.split('@')[1]) && !own.items.some((m) => m.from === world.a.quarantined.from),
    false,
  );
}

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

  [`DELETE ${V}/behaviour`]: async ({ app, deps, a, b }) => {
    const entry = { kind: 'sender' as const, key: 'partner@a-partner.example', data: { inbound: 3 } };
    await deps.repos.behaviourProfiles.write(a.tenantId, { upserts: [entry], deletes: [] });
    const response = await call(app, b.keys.admin, 'DELETE', `${V}/behaviour`);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(await deps.repos.behaviourProfiles.load(a.tenantId), [entry], "A's model is untouched by B's reset");
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

  [`GET ${V}/mailboxes`]: async (world) => {
    const mailboxId = await imapMailboxOfA(world);
    assert.equal(ids(await call(world.app, world.b.keys.admin, 'GET', `${V}/mailboxes`)).includes(mailboxId), false);
  },
  [`GET ${V}/mailboxes/:mailboxId`]: async (world) => {
    const mailboxId = await imapMailboxOfA(world);
    assertNotFound(await call(world.app, world.b.keys.admin, 'GET', `${V}/mailboxes/${mailboxId}`), 'mailbox');
  },
  [`DELETE ${V}/mailboxes/:mailboxId`]: async (world) => {
    const mailboxId = await imapMailboxOfA(world);
    assertNotFound(await call(world.app, world.b.keys.admin, 'DELETE', `${V}/mailboxes/${mailboxId}`), 'mailbox');
    assert.equal((await world.deps.repos.mailboxes.get(world.a.tenantId, mailboxId))?.status, 'active');
    assert.ok(await world.deps.repos.connections.get(world.a.tenantId, mailboxId), 'A keeps its connection');
  },
  [`POST ${V}/mailboxes/:mailboxId/test`]: async (world) => {
    const mailboxId = await imapMailboxOfA(world);
    assertNotFound(await call(world.app, world.b.keys.admin, 'POST', `${V}/mailboxes/${mailboxId}/test`), 'mailbox');
    assert.equal((await world.deps.repos.mailboxes.get(world.a.tenantId, mailboxId))?.status, 'active');
  },
  [`POST ${V}/mailboxes`]: async (world) => {
    const mailboxId = await imapMailboxOfA(world);
    const previous = process.env.MAILWARD_SECRET_KEY;
    process.env.MAILWARD_SECRET_KEY = Buffer.alloc(32, 1).toString('base64');
    try {
      const response = await call(world.app, world.b.keys.admin, 'POST', `${V}/mailboxes`, {
        body: { address: 'shared-imap@a.example', host: '127.0.0.1', port: 14299, tls: false, password: 'b-secret' },
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.notEqual(json(response).id, mailboxId, 'a mailbox of B, not A');
    } finally {
      if (previous === undefined) delete process.env.MAILWARD_SECRET_KEY;
      else process.env.MAILWARD_SECRET_KEY = previous;
    }
    assert.equal((await world.deps.repos.connections.get(world.a.tenantId, mailboxId))?.port, 993, 'A connection unchanged');
  },
  [`POST ${V}/mailboxes/pull-back`]: async ({ app, deps, a, b }) => {
    const response = await call(app, b.keys.admin, 'POST', `${V}/mailboxes/pull-back`, { body: { messageId: a.quarantined.id } });
    assertNotFound(response, 'pull-back of A message');
    assert.deepEqual((await deps.repos.audit.list(a.tenantId, { action: 'campaign.pull-back' })).items, []);
  },
  [`POST ${V}/mailboxes/undo`]: async ({ app, deps, a, b }) => {
    const response = await call(app, b.keys.admin, 'POST', `${V}/mailboxes/undo`, { body: { messageId: a.quarantined.id } });
    assertNotFound(response, 'undo of A message');
    assert.deepEqual((await deps.repos.audit.list(a.tenantId, { action: 'mailbox.undo' })).items, []);
  },
  [`POST ${V}/session/login`]: async ({ app, a, b }) => {
    const intoA = await loginSession(app, { email: b.user.email, password: b.user.password, tenantId: a.tenantId });
    assert.equal(intoA.status, 401, "B's user cannot open a session in A");
    const own = await loginSession(app, { email: b.user.email, password: b.user.password });
    assert.equal(own.status, 200);
    assert.equal((own.body.tenant as { id: string }).id, b.tenantId);
    assert.deepEqual(
      (own.body.tenants as { id: string }[]).map((t) => t.id),
      [b.tenantId],
    );
  },
  [`POST ${V}/session/api-key`]: async ({ app, a, b }) => {
    const session = await loginSession(app, { apiKey: b.keys.admin });
    assert.equal((session.body.tenant as { id: string }).id, b.tenantId);
    assertNotFound(await callWithSession(app, session, 'GET', `${V}/messages/${a.quarantined.id}`), 'message through a key session');
  },
  [`GET ${V}/session`]: async ({ app, a, b }) => {
    const response = await call(app, b.keys.admin, 'GET', `${V}/session`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.body.includes(a.tenantId), false);
  },
  [`POST ${V}/session/tenant`]: async ({ app, a, b }) => {
    const session = await loginSession(app, { email: b.user.email, password: b.user.password });
    assertNotFound(await callWithSession(app, session, 'POST', `${V}/session/tenant`, { body: { tenantId: a.tenantId } }), 'tenant');
    const after = await callWithSession(app, session, 'GET', `${V}/session`);
    assert.equal((json(after).tenant as { id: string }).id, b.tenantId, 'still in B');
  },
  [`POST ${V}/session/logout`]: async ({ app, a, b }) => {
    const sessionA = await loginSession(app, { email: a.user.email, password: a.user.password });
    const sessionB = await loginSession(app, { email: b.user.email, password: b.user.password });
    assert.equal((await callWithSession(app, sessionB, 'POST', `${V}/session/logout`)).statusCode, 204);
    assert.equal((await callWithSession(app, sessionB, 'GET', `${V}/session`)).statusCode, 401, 'B is logged out');
    assert.equal((await callWithSession(app, sessionA, 'GET', `${V}/session`)).statusCode, 200, "A's session lives on");
  },

  [`GET ${V}/users`]: async ({ app, a, b }) => {
    const response = await call(app, b.keys.admin, 'GET', `${V}/users`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.body.includes(a.user.email), false);
  },
  [`POST ${V}/users`]: async ({ app, deps, a, b }) => {
    // Adding A's user to B gives that person access to B; it changes nothing in A and not their password.
    const response = await call(app, b.keys.admin, 'POST', `${V}/users`, {
      body: { email: a.user.email, password: 'an attempt to take over', role: 'read-only' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const users = new UsersRepository(deps.db);
    const inA = (await users.memberships(a.user.id)).find((m) => m.tenantId === a.tenantId);
    assert.equal(inA?.role, 'admin');
    assert.equal((await users.verifyLogin(a.user.email, a.user.password))?.id, a.user.id, 'password unchanged');
    assert.equal(await users.verifyLogin(a.user.email, 'an attempt to take over'), null);
    await users.removeFromTenant(b.tenantId, a.user.id);
  },
  [`DELETE ${V}/users/:id`]: async ({ app, deps, a, b }) => {
    assertNotFound(await call(app, b.keys.admin, 'DELETE', `${V}/users/${a.user.id}`), 'user');
    const inA = await new UsersRepository(deps.db).memberships(a.user.id);
    assert.equal(
      inA.some((m) => m.tenantId === a.tenantId),
      true,
    );
  },

  [`GET ${V}/messages/:id/layers`]: async ({ app, a, b }) => {
    assertNotFound(await call(app, b.keys.admin, 'GET', `${V}/messages/${a.quarantined.id}/layers`), 'layers');
  },
  [`GET ${V}/messages/:id/view`]: async ({ app, a, b }) => {
    assertNotFound(await call(app, b.keys.admin, 'GET', `${V}/messages/${a.quarantined.id}/view`), 'view');
  },
  [`POST ${V}/verdicts`]: async ({ app, deps, a, b }) => {
    const byId = await call(app, b.keys.admin, 'POST', `${V}/verdicts`, {
      body: { messageId: a.quarantined.id, vendor: 'cross-vendor', verdict: 'clean' },
    });
    assertNotFound(byId, 'verdict by id');
    const byHeader = await call(app, b.keys.admin, 'POST', `${V}/verdicts`, {
      body: { messageIdHeader: a.quarantined.messageIdHeader, vendor: 'cross-vendor', verdict: 'clean' },
    });
    assertNotFound(byHeader, 'verdict by Message-ID');
    assert.deepEqual(await new LayerVerdictsRepository(deps.db).forMessage(a.tenantId, a.quarantined.id), []);
  },
  [`GET ${V}/stats/effectiveness`]: (world) => assertOwnStats(world, `${V}/stats/effectiveness`),
  [`GET ${V}/stats/effectiveness.csv`]: (world) => assertOwnStats(world, `${V}/stats/effectiveness.csv`),
};

/** An IMAP mailbox of tenant A with a connection (its secret sealed with a key B never sees). */
async function imapMailboxOfA(world: ApiWorld): Promise<string> {
  const mailbox = await world.deps.repos.mailboxes.upsert(world.a.tenantId, { address: 'shared-imap@a.example', provider: 'imap' });
  await world.deps.repos.connections.save(world.a.tenantId, mailbox.id, {
    host: 'imap.a.example',
    port: 993,
    tls: true,
    username: 'shared-imap@a.example',
    authKind: 'password',
    sealedSecret: 'v1.sealed-elsewhere',
  });
  return mailbox.id;
}
