import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BehaviourEntry } from '../../behaviour-profiles.ts';
import { seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

/** Entries as [kind:key, data], in key order (JSONB keeps object keys in its own order). */
const byKey = (entries: BehaviourEntry[]) =>
  entries.map((e) => [`${e.kind}:${e.key}`, e.data]).sort(([a], [b]) => String(a).localeCompare(String(b)));

export function behaviourProfilesSuite(harness: StorageHarness): void {
  describe(`behaviour profiles (${harness.name})`, () => {
    const db = useDb(harness);

    it('writes entries, replaces them, deletes some and loads what is left', async () => {
      const { repos, tenant } = await seedTenant(db());
      const t = tenant.id;
      await repos.behaviourProfiles.write(t, {
        upserts: [
          { kind: 'sender', key: 'ann@partner.test', data: { inbound: 1, names: [['Ann Lee', 1, 0]] } },
          { kind: 'thread', key: 'abc@partner.test', data: 'partner.test' },
          { kind: 'meta', key: 'learned', data: 1 },
        ],
        deletes: [],
      });
      await repos.behaviourProfiles.write(t, {
        upserts: [
          { kind: 'sender', key: 'ann@partner.test', data: { inbound: 2, names: [['Ann Lee', 2, 0]] } },
          { kind: 'meta', key: 'learned', data: 2 },
        ],
        deletes: [{ kind: 'thread', key: 'abc@partner.test' }],
      });
      assert.deepEqual(byKey(await repos.behaviourProfiles.load(t)), [
        ['meta:learned', 2],
        ['sender:ann@partner.test', { inbound: 2, names: [['Ann Lee', 2, 0]] }],
      ]);
      assert.equal(await repos.behaviourProfiles.count(t), 2);
    });

    it('writes more entries than one statement holds', async () => {
      const { repos, tenant } = await seedTenant(db());
      const upserts = Array.from({ length: 1203 }, (_, i) => ({ kind: 'thread' as const, key: `m${i}@x.test`, data: 'x.test' }));
      await repos.behaviourProfiles.write(tenant.id, { upserts, deletes: [] });
      assert.equal(await repos.behaviourProfiles.count(tenant.id), 1203);
      await repos.behaviourProfiles.write(tenant.id, { upserts: [], deletes: upserts.slice(0, 1001) });
      assert.equal(await repos.behaviourProfiles.count(tenant.id), 202);
    });

    it('drops NUL characters instead of refusing the batch', async () => {
      const { repos, tenant } = await seedTenant(db());
      await repos.behaviourProfiles.write(tenant.id, {
        upserts: [{ kind: 'user', key: 'ceo@org.test', data: { names: [['Ann\u0000 Lee', 1, 0]] } }],
        deletes: [],
      });
      assert.deepEqual(byKey(await repos.behaviourProfiles.load(tenant.id)), [['user:ceo@org.test', { names: [['Ann Lee', 1, 0]] }]]);
    });

    it("keeps tenants apart: one tenant's writes and reset never touch another's model", async () => {
      const a = await seedTenant(db(), 'a');
      const b = await seedTenant(db(), 'b');
      const entry = { kind: 'sender' as const, key: 'same@partner.test', data: { inbound: 1 } };
      await a.repos.behaviourProfiles.write(a.tenant.id, { upserts: [entry], deletes: [] });
      await b.repos.behaviourProfiles.write(b.tenant.id, { upserts: [{ ...entry, data: { inbound: 7 } }], deletes: [] });
      await b.repos.behaviourProfiles.write(b.tenant.id, { upserts: [], deletes: [{ kind: 'sender', key: 'same@partner.test' }] });
      assert.deepEqual(byKey(await a.repos.behaviourProfiles.load(a.tenant.id)), [['sender:same@partner.test', { inbound: 1 }]]);
      await b.repos.behaviourProfiles.write(b.tenant.id, { upserts: [entry], deletes: [] });
      assert.equal(await b.repos.behaviourProfiles.deleteAll(b.tenant.id), 1);
      assert.equal(await b.repos.behaviourProfiles.count(b.tenant.id), 0);
      assert.equal(await a.repos.behaviourProfiles.count(a.tenant.id), 1);
    });
  });
}
