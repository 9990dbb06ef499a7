import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseApiToken } from '../../storage/api-keys.ts';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';

function secretOf(token: string): string {
  const parsed = parseApiToken(token);
  assert.ok(parsed, `${token.slice(0, 14)}... is shaped like a key`);
  return parsed.secret;
}

const V = '/api/v1';

describe('API keys API', () => {
  const world = useApiWorld();

  it('lists the tenant keys without any secret', async () => {
    const { app, a } = world();
    const response = await call(app, a.keys.admin, 'GET', `${V}/api-keys`);
    assert.equal(response.statusCode, 200);
    const items = response.json().items as { name: string; role: string; prefix: string }[];
    assert.deepEqual(
      items.map((key) => [key.name, key.role]),
      [
        ['admin', 'admin'],
        ['analyst', 'analyst'],
        ['reader', 'read-only'],
      ],
    );
    assert.equal(response.body.includes(secretOf(a.keys.admin)), false, 'no secret in the list');
    assert.equal(/secret|hash|token/i.test(response.body), false);
  });

  it('creates a key whose token is shown once and works at once, with its role', async () => {
    const { app, a, deps } = world();
    const response = await call(app, a.keys.admin, 'POST', `${V}/api-keys`, { body: { name: 'siem export', role: 'read-only' } });
    assert.equal(response.statusCode, 201, response.body);
    const { key, token } = response.json() as { key: { id: string; prefix: string; role: string }; token: string };
    assert.match(token, new RegExp(`^mw_${key.prefix}_`));
    assert.equal((await call(app, token, 'GET', `${V}/messages`)).statusCode, 200);
    assert.equal((await call(app, token, 'GET', `${V}/settings`)).statusCode, 403);
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'api-key.create', targetId: key.id });
    assert.equal(audit.items.length, 1);
    assert.equal(JSON.stringify(audit.items[0]).includes(secretOf(token)), false, 'the audit log holds no secret');
  });

  it('revokes a key: it stops working at once and stays listed as revoked', async () => {
    const { app, a } = world();
    const created = (await call(app, a.keys.admin, 'POST', `${V}/api-keys`, { body: { name: 'old', role: 'analyst' } })).json();
    const revoked = await call(app, a.keys.admin, 'DELETE', `${V}/api-keys/${created.key.id}`);
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.ok(revoked.json().revokedAt);
    assert.equal((await call(app, created.token, 'GET', `${V}/messages`)).statusCode, 401);
    const missing = await call(app, a.keys.admin, 'DELETE', `${V}/api-keys/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing.statusCode, 404);
  });

  it('refuses invalid keys to create', async () => {
    const { app, a } = world();
    for (const body of [
      { name: 'x', role: 'owner' },
      { name: '', role: 'admin' },
      { role: 'admin' },
      { name: 'x', role: 'admin', extra: 1 },
    ]) {
      const response = await call(app, a.keys.admin, 'POST', `${V}/api-keys`, { body });
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.equal(errorCode(response), 'VALIDATION_FAILED');
    }
  });
});
