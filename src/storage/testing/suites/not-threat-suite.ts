import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function notThreatSuite(harness: StorageHarness): void {
  describe(`"not a threat" decisions (${harness.name})`, () => {
    const db = useDb(harness);

    it('matches a sender exactly, a domain with its subdomains, and a glob pattern', async () => {
      const { repos, tenant } = await seedTenant(db());
      const t = tenant.id;
      await repos.notThreat.remember(t, {
        kind: 'sender',
        value: 'Newsletter@Shop.test',
        decidedBy: 'user:a',
        reason: 'weekly newsletter',
      });
      await repos.notThreat.remember(t, { kind: 'domain', value: '@partner.test', decidedBy: 'user:a' });
      await repos.notThreat.remember(t, { kind: 'pattern', value: 'billing-*@vendor_x.test', decidedBy: 'user:b' });
      const kinds = async (address: string) => (await repos.notThreat.matching(t, address)).map((d) => `${d.kind}:${d.value}`);

      assert.deepEqual(await kinds('newsletter@shop.test'), ['sender:newsletter@shop.test']);
      assert.deepEqual(await kinds('other@shop.test'), []);
      assert.deepEqual(await kinds('a@partner.test'), ['domain:partner.test']);
      assert.deepEqual(await kinds('a@mail.partner.test'), ['domain:partner.test']);
      assert.deepEqual(await kinds('a@evilpartner.test'), [], 'a suffix is not a subdomain');
      assert.deepEqual(await kinds('billing-eu@vendor_x.test'), ['pattern:billing-*@vendor_x.test']);
      assert.deepEqual(await kinds('billing-eu@vendorYx.test'), [], '_ in a pattern is literal');
      assert.deepEqual(await kinds('sales@vendor_x.test'), []);
    });

    it('remembers a decision once and forgets it on request', async () => {
      const { repos, tenant } = await seedTenant(db());
      const first = await repos.notThreat.remember(tenant.id, { kind: 'sender', value: 'a@b.test', decidedBy: 'user:a', reason: 'one' });
      const again = await repos.notThreat.remember(tenant.id, { kind: 'sender', value: 'A@B.test', decidedBy: 'user:b', reason: 'two' });
      assert.equal(again.id, first.id);
      assert.equal(again.reason, 'two');
      assert.equal((await repos.notThreat.list(tenant.id)).length, 1);
      assert.equal(await repos.notThreat.forget(tenant.id, first.id), true);
      assert.equal(await repos.notThreat.forget(tenant.id, first.id), false);
      assert.deepEqual(await repos.notThreat.matching(tenant.id, 'a@b.test'), []);
      await assert.rejects(repos.notThreat.remember(tenant.id, { kind: 'sender', value: 'no-at-sign', decidedBy: 'u' }), {
        code: 'STORAGE_INVALID_VALUE',
      });
    });
  });
}
