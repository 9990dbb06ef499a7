import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('audit API', () => {
  const world = useApiWorld();

  it('lists the audit trail newest first, with actor, target and details, filtered by action', async () => {
    const { app, a } = world();
    assert.equal(
      (await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${a.toDelete.id}/delete`, { body: { reason: 'malware' } })).statusCode,
      200,
    );
    assert.equal(
      (await call(app, a.keys.admin, 'PUT', `${V}/settings`, { body: { retention: { cleanDays: 10, threatDays: 20 } } })).statusCode,
      200,
    );
    const all = await call(app, a.keys.analyst, 'GET', `${V}/audit`);
    assert.equal(all.statusCode, 200, all.body);
    const items = all.json().items as {
      action: string;
      actor: { kind: string };
      target: { id: string } | null;
      details: Record<string, unknown>;
    }[];
    assert.deepEqual(
      items.map((item) => item.action),
      ['settings.update', 'quarantine.delete'],
    );
    assert.equal(items[1].target?.id, a.toDelete.id);
    assert.equal(items[1].details.reason, 'malware');
    assert.equal(items[1].actor.kind, 'api-key');
    const filtered = await call(app, a.keys.admin, 'GET', `${V}/audit?action=settings.update&limit=1`);
    assert.deepEqual(
      filtered.json().items.map((item: { action: string }) => item.action),
      ['settings.update'],
    );
    assert.deepEqual(filtered.json().items[0].details, { changed: ['retention'] });
  });

  it('refuses invalid filters and read-only keys', async () => {
    const { app, a } = world();
    const invalid = await call(app, a.keys.analyst, 'GET', `${V}/audit?until=soon`);
    assert.equal(invalid.statusCode, 400);
    assert.equal(errorCode(invalid), 'VALIDATION_FAILED');
    assert.equal((await call(app, a.keys.readOnly, 'GET', `${V}/audit`)).statusCode, 403);
  });
});
