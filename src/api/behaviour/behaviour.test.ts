import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, errorCode, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('behaviour model API and feedback', () => {
  const world = useApiWorld();

  it('teaches the behaviour model from decisions: not a threat is learned, delete forgets the sender', async () => {
    const { app, deps, a } = world();
    const sender = 'x@phish.example';
    const model = await deps.behaviour!.store.forTenant(a.tenantId);
    assert.equal(model.sender(sender), undefined);

    const released = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${a.quarantined.id}/not-a-threat`, { body: {} });
    assert.equal(released.statusCode, 200, released.body);
    assert.equal(model.sender(sender)?.inbound, 1, 'the released message is learned as normal mail');

    // Another sender, learned earlier, then its message deleted by an analyst (a confirmed threat).
    const raw = (await deps.repos.rawMime.getForMessage(a.tenantId, a.toDelete.id))!;
    const other = /^From: (\S+)/m.exec(Buffer.from(raw).toString())![1];
    await deps.behaviour!.teach(a.tenantId, raw, 'not_a_threat');
    assert.equal(model.sender(other)?.inbound, 1);
    const deleted = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${a.toDelete.id}/delete`, { body: {} });
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(model.sender(other), undefined, 'a confirmed threat makes the model forget the sender');
    assert.equal(model.sender(sender)?.inbound, 1, 'other senders stay');
  });

  it('resets the model for admins only, in memory and in storage, with an audit entry', async () => {
    const { app, deps, a } = world();
    const model = await deps.behaviour!.store.forTenant(a.tenantId);
    model.restore('meta', 'learned', 42);
    await deps.repos.behaviourProfiles.write(a.tenantId, { upserts: [{ kind: 'meta', key: 'learned', data: 42 }], deletes: [] });

    const refused = await call(app, a.keys.analyst, 'DELETE', `${V}/behaviour`);
    assert.equal(refused.statusCode, 403);
    assert.equal(errorCode(refused), 'FORBIDDEN');
    assert.equal(await deps.repos.behaviourProfiles.count(a.tenantId), 1);

    const reset = await call(app, a.keys.admin, 'DELETE', `${V}/behaviour`);
    assert.equal(reset.statusCode, 200, reset.body);
    assert.ok(reset.json().removedEntries >= 1);
    assert.equal(await deps.repos.behaviourProfiles.count(a.tenantId), 0);
    assert.equal((await deps.behaviour!.store.forTenant(a.tenantId)).learned, 0);
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'behaviour.reset' });
    assert.equal(audit.items.length, 1);
  });
});
