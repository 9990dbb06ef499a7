import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsersRepository } from '../../storage/users.ts';
import { call, callWithSession, errorCode, loginSession, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('console sessions', () => {
  const world = useApiWorld();

  it('logs a user in with an HttpOnly, SameSite=Strict cookie and acts with the user as actor', async () => {
    const { app, a, deps } = world();
    const response = await app.inject({
      method: 'POST',
      url: `${V}/session/login`,
      payload: { email: a.user.email, password: a.user.password },
    });
    assert.equal(response.statusCode, 200, response.body);
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /^mw_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const session = { cookie: cookie.split(';')[0], csrf: response.json().csrfToken as string };
    assert.equal(response.json().role, 'admin');
    const released = await callWithSession(app, session, 'POST', `${V}/quarantine/${a.quarantined.id}/release`, {
      body: { reason: 'known partner' },
    });
    assert.equal(released.statusCode, 200, released.body);
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'quarantine.release', targetId: a.quarantined.id });
    assert.deepEqual(audit.items[0].actor, { kind: 'user', id: a.user.id });
    assert.equal((await deps.repos.quarantine.get(a.tenantId, a.quarantined.id))?.decidedBy, a.user.id);
  });

  it('refuses a state-changing call without the CSRF header, and a wrong password', async () => {
    const { app, a } = world();
    const session = await loginSession(app, { email: a.user.email, password: a.user.password });
    const noCsrf = await callWithSession(app, session, 'POST', `${V}/quarantine/${a.toDelete.id}/delete`, { body: {}, csrf: false });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(errorCode(noCsrf), 'CSRF_FAILED');
    const wrongCsrf = await callWithSession(
      app,
      { ...session, csrf: 'x'.repeat(session.csrf.length) },
      'POST',
      `${V}/quarantine/${a.toDelete.id}/delete`,
      {
        body: {},
      },
    );
    assert.equal(wrongCsrf.statusCode, 403);
    const wrong = await loginSession(app, { email: a.user.email, password: 'not the password at all' });
    assert.equal(wrong.status, 401);
    const unknown = await loginSession(app, { email: 'nobody@example.test', password: 'not the password at all' });
    assert.equal(unknown.status, 401);
    assert.equal(
      wrong.body.error && (wrong.body.error as { message: string }).message,
      (unknown.body.error as { message: string }).message,
    );
  });

  it('enforces the user role: a read-only user cannot release, an analyst cannot manage users', async () => {
    const { app, a, deps } = world();
    const users = new UsersRepository(deps.db);
    const password = 'reader password 123';
    await users.addToTenant(a.tenantId, { email: 'reader@example.test', password, role: 'read-only' });
    await users.addToTenant(a.tenantId, { email: 'analyst@example.test', password, role: 'analyst' });
    const reader = await loginSession(app, { email: 'reader@example.test', password });
    const analyst = await loginSession(app, { email: 'analyst@example.test', password });
    assert.equal((await callWithSession(app, reader, 'GET', `${V}/quarantine`)).statusCode, 200);
    const release = await callWithSession(app, reader, 'POST', `${V}/quarantine/${a.toDelete.id}/release`, { body: {} });
    assert.equal(release.statusCode, 403);
    assert.match(release.json().error.message, /user has role read-only/);
    assert.equal((await callWithSession(app, analyst, 'GET', `${V}/users`)).statusCode, 403);
    assert.equal((await callWithSession(app, analyst, 'GET', `${V}/messages/${a.toDelete.id}/raw`)).statusCode, 403);
    assert.equal((await deps.repos.quarantine.get(a.tenantId, a.toDelete.id))?.state, 'quarantined');
  });

  it('switches an MSP user between tenants with the role held in each, and ends access when a membership is removed', async () => {
    const { app, a, b, deps } = world();
    const users = new UsersRepository(deps.db);
    const password = 'msp analyst password';
    const { user } = await users.addToTenant(a.tenantId, { email: 'msp@example.net', password, role: 'analyst' });
    await users.addToTenant(b.tenantId, { email: 'msp@example.net', role: 'read-only' });
    const session = await loginSession(app, { email: 'msp@example.net', password, tenantId: a.tenantId });
    assert.equal(session.body.role, 'analyst');
    assert.equal((session.body.tenants as unknown[]).length, 2);
    const switched = await callWithSession(app, session, 'POST', `${V}/session/tenant`, { body: { tenantId: b.tenantId } });
    assert.equal(switched.statusCode, 200, switched.body);
    assert.equal(switched.json().role, 'read-only');
    const seen = await callWithSession(app, session, 'GET', `${V}/messages/${b.clean.id}`);
    assert.equal(seen.statusCode, 200);
    assert.equal((await callWithSession(app, session, 'GET', `${V}/messages/${a.clean.id}`)).statusCode, 404, 'A is out of scope in B');
    assert.equal((await callWithSession(app, session, 'POST', `${V}/quarantine/${b.toDelete.id}/release`, { body: {} })).statusCode, 403);
    await users.removeFromTenant(b.tenantId, user.id);
    assert.equal((await callWithSession(app, session, 'GET', `${V}/session`)).statusCode, 401);
  });

  it('opens a session from an API key, which stops working when the key is revoked', async () => {
    const { app, a, deps } = world();
    const temporary = await deps.repos.apiKeys.create(a.tenantId, { name: 'console key', role: 'analyst' });
    const session = await loginSession(app, { apiKey: temporary.token });
    assert.equal(session.status, 200);
    assert.equal(session.body.kind, 'api-key');
    assert.equal((await callWithSession(app, session, 'GET', `${V}/quarantine`)).statusCode, 200);
    await deps.repos.apiKeys.revoke(a.tenantId, temporary.key.id);
    assert.equal((await callWithSession(app, session, 'GET', `${V}/quarantine`)).statusCode, 401);
    assert.equal((await loginSession(app, { apiKey: 'mw_nothing' })).status, 401);
  });

  it('lets an admin add and remove users, audited', async () => {
    const { app, a, deps } = world();
    const added = await call(app, a.keys.admin, 'POST', `${V}/users`, {
      body: { email: 'New.Analyst@Example.test', name: 'New Analyst', password: 'long enough password', role: 'analyst' },
    });
    assert.equal(added.statusCode, 201, added.body);
    const id = added.json().user.id as string;
    assert.equal(added.json().user.email, 'new.analyst@example.test');
    const list = await call(app, a.keys.admin, 'GET', `${V}/users`);
    assert.ok(list.json().items.some((u: { id: string; role: string }) => u.id === id && u.role === 'analyst'));
    const short = await call(app, a.keys.admin, 'POST', `${V}/users`, {
      body: { email: 'x@example.test', password: 'short', role: 'analyst' },
    });
    assert.equal(short.statusCode, 400);
    assert.equal((await call(app, a.keys.admin, 'DELETE', `${V}/users/${id}`)).statusCode, 204);
    const audit = await deps.repos.audit.list(a.tenantId, { targetId: id });
    assert.deepEqual(audit.items.map((e) => e.action).sort(), ['user.add', 'user.remove']);
  });

  it('refuses further logins for an email after ten failures, with Retry-After', async () => {
    const { app, deps, a } = world();
    await new UsersRepository(deps.db).addToTenant(a.tenantId, {
      email: 'guessed@example.test',
      password: 'the real passphrase',
      role: 'analyst',
    });
    // From ten different addresses, so it is the account's count that trips, not the address's.
    const attempt = (password: string, remoteAddress: string) =>
      app.inject({ method: 'POST', url: `${V}/session/login`, remoteAddress, payload: { email: 'Guessed@example.test', password } });
    for (let i = 0; i < 10; i++) assert.equal((await attempt(`guess number ${i}`, `192.0.2.${i + 1}`)).statusCode, 401);
    const response = await attempt('the real passphrase', '198.51.100.7');
    assert.equal(response.statusCode, 429);
    assert.equal(errorCode(response), 'TOO_MANY_ATTEMPTS');
    assert.ok(Number(response.headers['retry-after']) > 0);
  });
});
