import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestOne } from '../../storage/testing/fixtures.ts';
import { call, errorCode, type TenantWorld, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('quarantine API', () => {
  const world = useApiWorld();

  async function quarantinedMessage(tenant: TenantWorld, from = 'bulk@spam.example'): Promise<string> {
    const message = await ingestOne(tenant.seeded, { from });
    await tenant.seeded.repos.quarantine.quarantine(tenant.tenantId, message.id, { reason: 'policy', decidedBy: 'system' });
    return message.id;
  }

  it('lists quarantine entries with the message facts, filtered by state, verdict and sender', async () => {
    const { app, a } = world();
    const response = await call(app, a.keys.readOnly, 'GET', `${V}/quarantine?state=quarantined`);
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json().items as { messageId: string; state: string; message: { from: string; verdictClass: string } }[];
    assert.deepEqual(items.map((item) => item.messageId).sort(), [a.quarantined.id, a.toDelete.id].sort());
    const phish = items.find((item) => item.messageId === a.quarantined.id)!;
    assert.equal(phish.message.from, 'phish-sender@phish.example');
    assert.equal(phish.message.verdictClass, 'phish');
    const byVerdict = await call(app, a.keys.readOnly, 'GET', `${V}/quarantine?verdict=malware`);
    assert.deepEqual(
      byVerdict.json().items.map((item: { messageId: string }) => item.messageId),
      [a.toDelete.id],
    );
    const bySender = await call(app, a.keys.readOnly, 'GET', `${V}/quarantine?sender=nobody@example.test`);
    assert.deepEqual(bySender.json().items, []);
    const invalid = await call(app, a.keys.readOnly, 'GET', `${V}/quarantine?state=lost`);
    assert.equal(invalid.statusCode, 400);
    assert.equal(errorCode(invalid), 'VALIDATION_FAILED');
  });

  it('releases a message, records the analyst key in the entry and the audit log, and is harmless to repeat', async () => {
    const { app, a, deps } = world();
    const messageId = await quarantinedMessage(a);
    const response = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${messageId}/release`, { body: { reason: 'business mail' } });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { messageId, state: 'released' });
    const entry = await deps.repos.quarantine.get(a.tenantId, messageId);
    assert.equal(entry?.state, 'released');
    const analystKeyId = (await deps.repos.apiKeys.list(a.tenantId)).find((key) => key.name === 'analyst')!.id;
    assert.equal(entry?.decidedBy, analystKeyId);
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'quarantine.release', targetId: messageId });
    assert.equal(audit.items.length, 1);
    assert.deepEqual(audit.items[0].actor, { kind: 'api-key', id: analystKeyId });
    assert.equal(audit.items[0].details.reason, 'business mail');
    const again = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${messageId}/release`);
    assert.equal(again.statusCode, 200);
  });

  it('deletes a message; a deleted message cannot be released (409)', async () => {
    const { app, a, deps } = world();
    const messageId = await quarantinedMessage(a);
    const deleted = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${messageId}/delete`);
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(deleted.json().state, 'deleted');
    assert.equal((await deps.repos.audit.list(a.tenantId, { action: 'quarantine.delete', targetId: messageId })).items.length, 1);
    const release = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${messageId}/release`);
    assert.equal(release.statusCode, 409);
    assert.equal(errorCode(release), 'STORAGE_INVALID_TRANSITION');
    assert.match(release.json().error.message, /deleted message cannot become released/);
  });

  it('marks a message not a threat: remembers its sender for the tenant and releases it', async () => {
    const { app, a, deps } = world();
    const messageId = await quarantinedMessage(a, 'Invoices@Vendor.example');
    const response = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${messageId}/not-a-threat`, {
      body: { reason: 'known vendor' },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().state, 'released');
    assert.equal(response.json().notThreat.value, 'invoices@vendor.example');
    const remembered = await deps.repos.notThreat.matching(a.tenantId, 'invoices@vendor.example');
    assert.equal(remembered.length, 1);
    assert.equal(remembered[0].reason, 'known vendor');
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'message.not-a-threat', targetId: messageId });
    assert.equal(audit.items[0].details.released, true);
    // A message that was never quarantined can be marked too: the sender is remembered, nothing released.
    const clean = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/${a.clean.id}/not-a-threat`);
    assert.equal(clean.statusCode, 200);
    assert.equal(clean.json().state, null);
  });

  it('applies bulk decisions one message at a time and reports each outcome', async () => {
    const { app, a, deps } = world();
    const first = await quarantinedMessage(a);
    const second = await quarantinedMessage(a);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/bulk/release`, {
      body: { messageIds: [first, unknown, second], reason: 'campaign cleared' },
    });
    assert.equal(response.statusCode, 200, response.body);
    const results = response.json().results as { messageId: string; ok: boolean; state?: string; error?: { code: string } }[];
    assert.deepEqual(
      results.map((r) => [r.messageId, r.ok]),
      [
        [first, true],
        [unknown, false],
        [second, true],
      ],
    );
    assert.equal(results[1].error?.code, 'STORAGE_NOT_FOUND');
    for (const id of [first, second]) assert.equal((await deps.repos.quarantine.get(a.tenantId, id))?.state, 'released');
    const audit = await deps.repos.audit.list(a.tenantId, { action: 'quarantine.release' }, { limit: 500 });
    assert.equal(audit.items.filter((entry) => entry.target?.id === first || entry.target?.id === second).length, 2);
  });

  it('refuses malformed decisions', async () => {
    const { app, a } = world();
    const cases: [string, unknown][] = [
      [`${V}/quarantine/bulk/delete`, { messageIds: [] }],
      [`${V}/quarantine/bulk/delete`, { messageIds: ['not-a-uuid'] }],
      [`${V}/quarantine/bulk/delete`, {}],
      [`${V}/quarantine/${a.quarantined.id}/release`, { reason: 'x'.repeat(501) }],
      [`${V}/quarantine/${a.quarantined.id}/release`, { unexpected: 1 }],
      [`${V}/quarantine/12/release`, {}],
    ];
    for (const [url, body] of cases) {
      const response = await call(app, a.keys.analyst, 'POST', url, { body });
      assert.equal(response.statusCode, 400, `${url} ${JSON.stringify(body)}: ${response.body}`);
      assert.equal(errorCode(response), 'VALIDATION_FAILED');
    }
    const missing = await call(app, a.keys.analyst, 'POST', `${V}/quarantine/00000000-0000-4000-8000-000000000000/delete`);
    assert.equal(missing.statusCode, 404);
    assert.equal((await world().deps.repos.quarantine.get(a.tenantId, a.quarantined.id))?.state, 'quarantined');
  });
});
