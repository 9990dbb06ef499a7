import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { behaviourFacts } from '../detectors/behaviour/behaviour-facts.ts';
import { learnAfterVerdict } from '../detectors/behaviour/learn-after-verdict.ts';
import { createEngine } from '../pipeline/create-engine.ts';
import type { Db } from '../storage/db.ts';
import { openDb } from '../storage/open-db.ts';
import { createRepositories } from '../storage/repositories.ts';
import { seedTenant } from '../storage/testing/fixtures.ts';
import type { MessageFacts } from './message-facts.ts';
import { StoredBehaviourStore } from './stored-behaviour-store.ts';
import { ceoFraud, newCorrespondent, ORG_DOMAIN, orgHistory, partnerNote } from './testing/org-mail.ts';

const engine = createEngine({ postHooks: [learnAfterVerdict] });
const settings = { orgDomains: [ORG_DOMAIN] };
const behaviourIds = (report: { signals: { id: string }[] }) =>
  report.signals
    .map((s) => s.id)
    .filter((id) => id.startsWith('BEH_') || id.startsWith('COMBO_BEH_'))
    .sort();

describe('StoredBehaviourStore', () => {
  let db: Db;
  let tenantId: string;
  let other: string;

  before(async () => {
    db = await openDb({ memory: true });
    tenantId = (await seedTenant(db, 'behaviour')).tenant.id;
    other = (await seedTenant(db, 'other')).tenant.id;
  });
  after(() => db.close());

  it('writes a learned model and loads it back with the same entries and the same signals', async () => {
    const repos = createRepositories(db);
    const store = new StoredBehaviourStore(repos.behaviourProfiles, { flushEveryMs: 0 });
    const model = await store.forTenant(tenantId);
    for (const raw of orgHistory(320)) await engine.scan(raw, { settings, behaviour: model });
    assert.equal(model.learned, 320, 'the ordinary mail is judged clean and learned');
    await store.flush();
    assert.ok((await repos.behaviourProfiles.count(tenantId)) > 0);
    assert.equal(await repos.behaviourProfiles.count(other), 0, 'nothing written for another tenant');

    const reloaded = await new StoredBehaviourStore(repos.behaviourProfiles, { flushEveryMs: 0 }).forTenant(tenantId);
    assert.deepEqual(reloaded.toJSON().senders.sort(), model.toJSON().senders.sort());
    assert.deepEqual(reloaded.counts(), model.counts());

    // Scans read without changing anything here: learning happens only for clean mail, and these are compared first.
    const fraudBefore = await engine.scan(ceoFraud('bec-1'), { settings, behaviour: model });
    const fraudAfter = await engine.scan(ceoFraud('bec-1'), { settings, behaviour: reloaded });
    assert.deepEqual(behaviourIds(fraudAfter), behaviourIds(fraudBefore));
    assert.deepEqual(
      behaviourIds(fraudAfter).filter((id) => ['BEH_FIRST_CONTACT', 'BEH_COLLEAGUE_NAME_EXTERNAL'].includes(id)),
      ['BEH_COLLEAGUE_NAME_EXTERNAL', 'BEH_FIRST_CONTACT'],
    );
    assert.equal(fraudAfter.verdict.score, fraudBefore.verdict.score);
    assert.equal(
      behaviourIds(await engine.scan(partnerNote('p-1'), { settings, behaviour: reloaded })).includes('BEH_FIRST_CONTACT'),
      false,
    );
    assert.ok(behaviourIds(await engine.scan(newCorrespondent('n-1'), { settings, behaviour: reloaded })).includes('BEH_FIRST_CONTACT'));
  });

  it('writes only what changed, including entries the model forgot', async () => {
    const repos = createRepositories(db);
    const writes: number[] = [];
    const counting = {
      load: (t: string) => repos.behaviourProfiles.load(t),
      deleteAll: (t: string) => repos.behaviourProfiles.deleteAll(t),
      write: (t: string, changes: Parameters<typeof repos.behaviourProfiles.write>[1]) => {
        writes.push(changes.upserts.length + changes.deletes.length);
        return repos.behaviourProfiles.write(t, changes);
      },
    };
    const store = new StoredBehaviourStore(counting, { flushEveryMs: 0 });
    const model = await store.forTenant(tenantId);
    await store.flush();
    assert.deepEqual(writes, [], 'a loaded model has nothing to write');
    await engine.scan(partnerNote('p-2'), { settings, behaviour: model });
    await store.flush();
    // sender, domain, the recipient's user profile, the thread, and the learned counter
    assert.deepEqual(writes, [5]);
    model.forget(await factsOf(partnerNote('p-2')));
    await store.flush();
    const reloaded = await new StoredBehaviourStore(repos.behaviourProfiles, { flushEveryMs: 0 }).forTenant(tenantId);
    assert.equal(reloaded.sender('ann.lee@northwind-supply.test'), undefined, 'the forgotten sender is gone from storage too');
  });

  it('takes changes made elsewhere and hands them to whoever loads the tenant next', async () => {
    const repos = createRepositories(db);
    const store = new StoredBehaviourStore(repos.behaviourProfiles, { flushEveryMs: 0 });
    store.record(other, { upserts: [{ kind: 'thread', key: 'x1@partner.test', data: 'partner.test' }], deletes: [] });
    store.record(other, { upserts: [{ kind: 'meta', key: 'learned', data: 1 }], deletes: [{ kind: 'thread', key: 'x1@partner.test' }] });
    assert.deepEqual(await store.storedEntries(other), [{ kind: 'meta', key: 'learned', data: 1 }]);
  });

  it('forgets a tenant in memory and in storage on reset, and no other tenant', async () => {
    const repos = createRepositories(db);
    const store = new StoredBehaviourStore(repos.behaviourProfiles, { flushEveryMs: 0 });
    const model = await store.forTenant(tenantId);
    assert.ok(model.learned > 0);
    await engine.scan(partnerNote('p-3'), { settings, behaviour: model });
    let forgotElsewhere = false;
    await store.reset(tenantId, async () => {
      forgotElsewhere = true;
    });
    assert.ok(forgotElsewhere);
    await store.flush();
    assert.equal(await repos.behaviourProfiles.count(tenantId), 0, 'unwritten changes of the old model are dropped too');
    assert.equal((await store.forTenant(tenantId)).learned, 0);
    assert.equal(await repos.behaviourProfiles.count(other), 1);
  });
});

/** The facts the model reads off a message, as the learning hook sees them. */
async function factsOf(raw: Buffer): Promise<MessageFacts> {
  let facts: MessageFacts | undefined;
  const capture = createEngine({
    postHooks: [
      (_report, ctx) => {
        if (ctx) facts = behaviourFacts(ctx);
      },
    ],
  });
  await capture.scan(raw, { settings });
  return facts!;
}
