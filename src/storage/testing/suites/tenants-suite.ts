import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MailboxesRepository } from '../../mailboxes.ts';
import { TenantsRepository } from '../../tenants.ts';
import { unique } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function tenantsSuite(harness: StorageHarness): void {
  describe(`tenants and mailboxes (${harness.name})`, () => {
    const db = useDb(harness);

    it('creates a tenant with normalised routing domains and finds it by domain', async () => {
      const tenants = new TenantsRepository(db());
      const domain = `${unique('acme')}.example`;
      const tenant = await tenants.create({ name: 'Acme', domains: [`  ${domain.toUpperCase()}. `, domain] });
      assert.deepEqual(tenant.domains, [domain]);
      assert.equal(tenant.name, 'Acme');
      assert.ok(tenant.createdAt instanceof Date);
      assert.equal((await tenants.findByDomain(domain.toUpperCase()))?.id, tenant.id);
      assert.equal(await tenants.findByDomain(`other.${domain}`), null);
      assert.equal(await tenants.get('not-a-uuid'), null);
      assert.equal((await tenants.rename(tenant.id, 'Acme Ltd')).name, 'Acme Ltd');
    });

    it('gives one domain to one tenant only', async () => {
      const tenants = new TenantsRepository(db());
      const domain = `${unique('shared')}.example`;
      const first = await tenants.create({ name: 'First', domains: [domain] });
      const second = await tenants.create({ name: 'Second' });
      await assert.rejects(tenants.addDomain(second.id, domain), { code: 'STORAGE_CONFLICT' });
      await assert.rejects(tenants.create({ name: 'Third', domains: [domain] }), { code: 'STORAGE_CONFLICT' });
      await tenants.addDomain(first.id, domain);
      assert.equal(await tenants.removeDomain(second.id, domain), false, 'another tenant cannot remove it');
      assert.equal(await tenants.removeDomain(first.id, domain), true);
      await tenants.addDomain(second.id, domain);
      assert.equal((await tenants.findByDomain(domain))?.id, second.id);
      assert.equal((await tenants.list()).filter((t) => t.name === 'Third').length, 0, 'the failed create left nothing');
      await assert.rejects(tenants.addDomain(first.id, 'not a domain'), { code: 'STORAGE_INVALID_VALUE' });
    });

    it('connects a mailbox once, tracks its status and last error', async () => {
      const tenant = await new TenantsRepository(db()).create({ name: 'Mailboxes' });
      const mailboxes = new MailboxesRepository(db());
      const first = await mailboxes.upsert(tenant.id, { address: 'Bob@Example.test', provider: 'gmail', displayName: 'Bob' });
      const again = await mailboxes.upsert(tenant.id, { address: 'bob@example.test', provider: 'gmail' });
      assert.equal(again.id, first.id);
      assert.equal(again.address, 'bob@example.test');
      assert.equal(again.displayName, 'Bob', 'an empty display name does not erase the known one');
      assert.equal(first.status, 'active');

      const failed = await mailboxes.recordError(tenant.id, first.id, 'token expired');
      assert.equal(failed.status, 'error');
      assert.equal(failed.lastError, 'token expired');
      assert.ok(failed.lastErrorAt instanceof Date);
      const paused = await mailboxes.setStatus(tenant.id, first.id, 'paused');
      assert.equal(paused.status, 'paused');
      assert.equal(paused.lastError, 'token expired');

      await mailboxes.upsert(tenant.id, { address: 'carol@example.test', provider: 'imap' });
      assert.deepEqual(
        (await mailboxes.list(tenant.id)).map((m) => m.address),
        ['bob@example.test', 'carol@example.test'],
      );
      assert.deepEqual(
        (await mailboxes.list(tenant.id, { status: 'paused' })).map((m) => m.address),
        ['bob@example.test'],
      );
      assert.equal((await mailboxes.findByAddress(tenant.id, 'imap', 'CAROL@example.test'))?.provider, 'imap');
      await assert.rejects(mailboxes.setStatus(tenant.id, '00000000-0000-0000-0000-000000000000', 'active'), { code: 'STORAGE_NOT_FOUND' });
    });
  });
}
