import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { type ApiKeyRole, parseApiToken } from '../../storage/api-keys.ts';
import { buildApi } from '../server.ts';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';
import { registeredRoutes } from '../testing/cross-tenant-suite.ts';
import type { RouteAccess } from './roles.ts';

const V = '/api/v1';

/** Who may call what: the product's access rules, written out once more so a change shows in review. */
const EXPECTED_ACCESS: Record<string, RouteAccess> = {
  [`GET ${V}/health`]: 'public',
  [`GET ${V}/ready`]: 'public',
  [`GET ${V}/metrics`]: 'admin',
  [`GET ${V}/messages`]: 'read-only',
  [`POST ${V}/messages`]: 'analyst',
  [`GET ${V}/messages/:id`]: 'read-only',
  [`GET ${V}/messages/:id/raw`]: 'admin',
  [`GET ${V}/quarantine`]: 'read-only',
  [`POST ${V}/quarantine/:messageId/release`]: 'analyst',
  [`POST ${V}/quarantine/:messageId/delete`]: 'analyst',
  [`POST ${V}/quarantine/:messageId/not-a-threat`]: 'analyst',
  [`POST ${V}/quarantine/bulk/release`]: 'analyst',
  [`POST ${V}/quarantine/bulk/delete`]: 'analyst',
  [`POST ${V}/quarantine/bulk/not-a-threat`]: 'analyst',
  [`POST ${V}/reports`]: 'analyst',
  [`GET ${V}/reports`]: 'read-only',
  [`GET ${V}/stats/verdicts`]: 'read-only',
  [`GET ${V}/audit`]: 'analyst',
  [`GET ${V}/jobs/dead`]: 'admin',
  [`POST ${V}/jobs/dead/:jobId/retry`]: 'admin',
  [`GET ${V}/settings`]: 'admin',
  [`PUT ${V}/settings`]: 'admin',
  [`GET ${V}/api-keys`]: 'admin',
  [`POST ${V}/api-keys`]: 'admin',
  [`DELETE ${V}/api-keys/:id`]: 'admin',
  [`DELETE ${V}/behaviour`]: 'admin',
  [`GET ${V}/mailboxes`]: 'read-only',
  [`POST ${V}/mailboxes`]: 'admin',
  [`GET ${V}/mailboxes/:mailboxId`]: 'read-only',
  [`DELETE ${V}/mailboxes/:mailboxId`]: 'admin',
  [`POST ${V}/mailboxes/:mailboxId/test`]: 'admin',
  [`POST ${V}/mailboxes/pull-back`]: 'analyst',
  [`POST ${V}/mailboxes/undo`]: 'analyst',
  [`POST ${V}/session/login`]: 'public',
  [`POST ${V}/session/api-key`]: 'public',
  [`GET ${V}/session`]: 'read-only',
  [`POST ${V}/session/tenant`]: 'read-only',
  [`POST ${V}/session/logout`]: 'read-only',
  [`GET ${V}/users`]: 'admin',
  [`POST ${V}/users`]: 'admin',
  [`DELETE ${V}/users/:id`]: 'admin',
  [`GET ${V}/messages/:id/layers`]: 'read-only',
  [`GET ${V}/messages/:id/view`]: 'read-only',
  [`POST ${V}/verdicts`]: 'analyst',
  [`GET ${V}/stats/effectiveness`]: 'read-only',
  [`GET ${V}/stats/effectiveness.csv`]: 'read-only',
};

const WEAKER: Record<RouteAccess, ApiKeyRole[]> = {
  public: [],
  'read-only': [],
  analyst: ['read-only'],
  admin: ['read-only', 'analyst'],
};

// Real-looking ids so a refusal cannot be blamed on validation.
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
function concreteUrl(path: string): string {
  return path.replace(/:jobId/, '1').replace(/:\w+/g, SAMPLE_ID);
}

describe('authentication and roles', () => {
  const world = useApiWorld();

  it('lists an access rule for every registered route', () => {
    assert.deepEqual(registeredRoutes(world()).sort(), Object.keys(EXPECTED_ACCESS).sort());
  });

  for (const [route, access] of Object.entries(EXPECTED_ACCESS)) {
    const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
    if (access === 'public') {
      it(`${route} answers without a key`, async () => {
        // Logins take a body: without one they fail validation, never authentication.
        const expected = method === 'GET' ? 200 : 400;
        assert.equal((await call(world().app, null, method, path, { body: method === 'GET' ? undefined : {} })).statusCode, expected);
      });
      continue;
    }
    it(`${route} refuses a request without a key (401) and roles weaker than ${access} (403)`, async () => {
      const { app, a } = world();
      const anonymous = await call(app, null, method, concreteUrl(path), { body: method === 'GET' ? undefined : {} });
      assert.equal(anonymous.statusCode, 401, anonymous.body);
      assert.equal(errorCode(anonymous), 'UNAUTHENTICATED');
      if (method === 'GET') assert.equal((await call(app, null, 'HEAD', concreteUrl(path))).statusCode, 401, `HEAD ${path}`);
      for (const role of WEAKER[access]) {
        const token = role === 'read-only' ? a.keys.readOnly : a.keys.analyst;
        // An invalid body too: the role is refused before anything about the request is validated.
        const refused = await call(app, token, method, concreteUrl(path), { body: method === 'GET' ? undefined : { unexpected: true } });
        assert.equal(refused.statusCode, 403, `${role} on ${route}: ${refused.body}`);
        assert.equal(errorCode(refused), 'FORBIDDEN');
      }
    });
  }

  it('refuses malformed, unknown and revoked keys alike', async () => {
    const { app, a, deps } = world();
    for (const header of ['Basic abc', 'Bearer', `Bearer ${a.keys.admin}x`, `Bearer mw_0000000000_${'A'.repeat(43)}`]) {
      const response = await app.inject({ method: 'GET', url: `${V}/messages`, headers: { authorization: header } });
      assert.equal(response.statusCode, 401, header);
    }
    const temporary = await deps.repos.apiKeys.create(a.tenantId, { name: 'temporary', role: 'admin' });
    assert.equal((await call(app, temporary.token, 'GET', `${V}/messages`)).statusCode, 200);
    await deps.repos.apiKeys.revoke(a.tenantId, temporary.key.id);
    const revoked = await call(app, temporary.token, 'GET', `${V}/messages`);
    assert.equal(revoked.statusCode, 401);
    assert.match(revoked.json().error.message, /valid API key/);
  });

  it('answers unknown routes with a JSON 404 whether or not a key is sent', async () => {
    const { app, a } = world();
    for (const token of [null, a.keys.admin]) {
      const response = await call(app, token, 'GET', `${V}/no-such-thing`);
      assert.equal(response.statusCode, 404);
      assert.equal(errorCode(response), 'NOT_FOUND');
    }
  });

  it('never writes API keys or message content to the logs', async () => {
    const { deps, a } = world();
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => lines.push(line) });
    const app = await buildApi({ ...deps, log });
    try {
      const body = Buffer.from('From: ceo@a.example\r\nSubject: Payroll change\r\n\r\nconfidential-body-text\r\n');
      const upload = await call(app, a.keys.analyst, 'POST', `${V}/messages`, { body, headers: { 'content-type': 'message/rfc822' } });
      assert.equal(upload.statusCode, 202);
      await call(app, a.keys.admin, 'GET', `${V}/messages/${upload.json().messageId}/raw`);
      await call(app, `${a.keys.admin}broken`, 'GET', `${V}/messages`);
    } finally {
      await app.close();
    }
    const written = lines.join('');
    assert.ok(lines.length >= 6, 'requests were logged');
    assert.match(written, new RegExp(a.tenantId), 'lines are scoped to the tenant');
    const adminSecret = parseApiToken(a.keys.admin)?.secret ?? assert.fail('the admin key is shaped like a key');
    for (const secret of [a.keys.analyst, a.keys.admin, adminSecret, 'confidential-body-text', 'Payroll change']) {
      assert.equal(written.includes(secret), false, `logs must not contain ${secret.slice(0, 12)}...`);
    }
  });
});
