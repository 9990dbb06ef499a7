import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchQuarantine } from '../../quarantine-search.ts';
import { ingestOne, rawEmail, type Seeded, sampleReport, seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

/** Gives a tenant one of everything, so every list has something it could wrongly show. */
async function populate(seeded: Seeded) {
  const t = seeded.tenant.id;
  const message = await ingestOne(seeded, { from: 'same@sender.test', subject: 'same subject', raw: rawEmail('same bytes') });
  await seeded.repos.reports.save(t, message.id, sampleReport('phish', 10));
  await seeded.repos.quarantine.quarantine(t, message.id, { reason: 'phish', decidedBy: 'system' });
  const { action } = await seeded.repos.actions.plan(t, {
    messageId: message.id,
    kind: 'quarantine',
    idempotencyKey: 'same-key',
    actor: { kind: 'system', id: 'p' },
  });
  await seeded.repos.audit.append(t, { actor: { kind: 'system', id: 'p' }, action: 'quarantine.add' });
  const { key } = await seeded.repos.apiKeys.create(t, { name: 'k', role: 'analyst' });
  const decision = await seeded.repos.notThreat.remember(t, { kind: 'sender', value: 'same@sender.test', decidedBy: 'u' });
  await seeded.repos.settings.update(t, (s) => ({ ...s, retention: { cleanDays: 5, threatDays: 6 } }));
  return { message, action, key, decision };
}

export function isolationSuite(harness: StorageHarness): void {
  describe(`tenant isolation (${harness.name})`, () => {
    const db = useDb(harness);

    it("never returns or changes tenant B's rows through tenant A", async () => {
      const a = await seedTenant(db(), 'a');
      const b = await seedTenant(db(), 'b');
      const mineA = await populate(a);
      const theirs = await populate(b);
      const A = a.tenant.id;
      const r = a.repos;

      assert.deepEqual(
        (await r.messages.list(A)).items.map((m) => m.id),
        [mineA.message.id],
      );
      assert.equal((await r.messages.list(A, { sender: 'same@sender.test', subject: 'same', verdict: 'phish' })).items.length, 1);
      assert.equal(await r.messages.get(A, theirs.message.id), null);
      assert.equal(await r.messages.getWithLatestReport(A, theirs.message.id), null);
      assert.equal(await r.messages.findByProviderId(A, b.mailbox.id, theirs.message.providerMessageId), null);
      assert.deepEqual(
        (await r.messages.findByMessageIdHeader(A, theirs.message.messageIdHeader!)).map((m) => m.id),
        [],
      );
      assert.equal(
        (await r.messages.countByVerdictPerDay(A, { since: new Date(0), until: new Date(Date.now() + 86_400_000) })).reduce(
          (n, c) => n + c.count,
          0,
        ),
        1,
      );
      assert.equal(await r.rawMime.getForMessage(A, theirs.message.id), null);
      assert.equal(
        (await r.rawMime.get(A, theirs.message.sha256))?.equals(rawEmail('same bytes')),
        true,
        'A has its own copy of equal bytes',
      );
      assert.equal((await r.rawMime.storedBytes(A)).blobs, 1);
      assert.equal(await r.reports.latest(A, theirs.message.id), null);
      assert.deepEqual(await r.reports.listForMessage(A, theirs.message.id), []);
      assert.equal(await r.quarantine.get(A, theirs.message.id), null);
      assert.deepEqual(
        (await searchQuarantine(db(), A, {})).items.map((e) => e.messageId),
        [mineA.message.id],
      );
      assert.equal(await r.actions.get(A, theirs.action.id), null);
      assert.equal((await r.actions.findByKey(A, 'same-key'))?.id, mineA.action.id);
      assert.deepEqual(await r.actions.listForMessage(A, theirs.message.id), []);
      assert.deepEqual(
        (await r.actions.listPlanned(A)).map((x) => x.id),
        [mineA.action.id],
      );
      assert.equal((await r.audit.list(A)).items.length, 1);
      assert.deepEqual(
        (await r.apiKeys.list(A)).map((k) => k.id),
        [mineA.key.id],
      );
      assert.equal(await r.apiKeys.get(A, theirs.key.id), null);
      assert.deepEqual(
        (await r.notThreat.list(A)).map((d) => d.id),
        [mineA.decision.id],
      );
      assert.equal(await r.notThreat.forget(A, theirs.decision.id), false);
      assert.equal(await r.mailboxes.get(A, b.mailbox.id), null);
      assert.deepEqual(
        (await r.mailboxes.list(A)).map((m) => m.id),
        [a.mailbox.id],
      );

      // Writes through A that name B's rows fail and leave B untouched.
      await assert.rejects(r.reports.save(A, theirs.message.id, sampleReport('clean', 0)), { code: 'STORAGE_NOT_FOUND' });
      await assert.rejects(r.quarantine.release(A, theirs.message.id, 'user:a'), { code: 'STORAGE_NOT_FOUND' });
      await assert.rejects(r.actions.markDone(A, theirs.action.id), { code: 'STORAGE_NOT_FOUND' });
      await assert.rejects(r.apiKeys.revoke(A, theirs.key.id), { code: 'STORAGE_NOT_FOUND' });
      await assert.rejects(r.mailboxes.recordError(A, b.mailbox.id, 'x'), { code: 'STORAGE_NOT_FOUND' });
      await assert.rejects(
        r.messages.ingest(A, {
          mailboxId: b.mailbox.id,
          providerMessageId: 'x',
          from: 'a@b.test',
          to: [],
          subject: 's',
          raw: rawEmail('x'),
        }),
        { code: 'STORAGE_NOT_FOUND' },
      );
      await assert.rejects(
        r.actions.plan(A, { messageId: theirs.message.id, kind: 'banner', idempotencyKey: 'cross', actor: { kind: 'system', id: 'p' } }),
        {
          code: 'STORAGE_NOT_FOUND',
        },
      );
      await r.retention.purge(A, new Date(Date.now() + 365 * 86_400_000));
      const B = b.tenant.id;
      assert.equal((await b.repos.messages.get(B, theirs.message.id))?.verdict?.class, 'phish');
      assert.equal((await b.repos.quarantine.get(B, theirs.message.id))?.state, 'quarantined');
      assert.equal((await b.repos.actions.get(B, theirs.action.id))?.state, 'planned');
      assert.equal((await b.repos.apiKeys.get(B, theirs.key.id))?.revokedAt, null);
      assert.equal((await b.repos.mailboxes.get(B, b.mailbox.id))?.status, 'active');
      assert.deepEqual(await b.repos.settings.getRetention(B), { cleanDays: 5, threatDays: 6 });
      assert.equal((await b.repos.rawMime.storedBytes(B)).blobs, 1);
      assert.equal((await r.messages.list(A)).items.length, 0, "A's own purge worked");
    });
  });
}
