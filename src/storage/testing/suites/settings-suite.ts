import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultTenantSettings, normalizeTenantSettings } from '../../tenant-settings.ts';
import { seedTenant } from '../fixtures.ts';
import { type StorageHarness, useDb } from '../harness.ts';

export function settingsSuite(harness: StorageHarness): void {
  describe(`tenant settings (${harness.name})`, () => {
    const db = useDb(harness);

    it('starts from the defaults: 30 days for clean mail, 90 for threats', async () => {
      const { repos, tenant } = await seedTenant(db());
      assert.deepEqual(await repos.settings.get(tenant.id), defaultTenantSettings());
      assert.deepEqual(await repos.settings.getRetention(tenant.id), { cleanDays: 30, threatDays: 90 });
    });

    it('updates one part and keeps the rest, normalising lists', async () => {
      const { repos, tenant } = await seedTenant(db());
      await repos.settings.update(tenant.id, (s) => ({ ...s, thresholds: { phish: 8 }, signalWeights: { URL_IP_HOST: 2.5 } }));
      const updated = await repos.settings.update(tenant.id, (s) => ({
        ...s,
        allowList: { senders: ['Payroll@Vendor.test', 'payroll@vendor.test'], domains: ['Partner.test'] },
        retention: { ...s.retention, cleanDays: 14 },
      }));
      assert.deepEqual(updated, {
        thresholds: { phish: 8 },
        allowList: { senders: ['payroll@vendor.test'], domains: ['partner.test'] },
        blockList: { senders: [], domains: [] },
        signalWeights: { URL_IP_HOST: 2.5 },
        vipNames: [],
        policy: { actions: {} },
        retention: { cleanDays: 14, threatDays: 90 },
      });
      assert.deepEqual(await repos.settings.get(tenant.id), updated);
      assert.deepEqual(await repos.settings.getThresholds(tenant.id), { phish: 8 });
      assert.deepEqual(await repos.settings.getSignalWeights(tenant.id), { URL_IP_HOST: 2.5 });
    });

    it('keeps both of two concurrent updates', async () => {
      const { repos, tenant } = await seedTenant(db());
      await Promise.all([
        repos.settings.update(tenant.id, (s) => ({ ...s, blockList: { ...s.blockList, domains: ['evil.test'] } })),
        repos.settings.update(tenant.id, (s) => ({ ...s, retention: { ...s.retention, threatDays: 180 } })),
      ]);
      const settings = await repos.settings.get(tenant.id);
      assert.deepEqual(settings.blockList.domains, ['evil.test']);
      assert.equal(settings.retention.threatDays, 180);
    });

    it('refuses invalid settings and stores nothing', async () => {
      const { repos, tenant } = await seedTenant(db());
      const bad = [
        { retention: { cleanDays: 0, threatDays: 90 } },
        { retention: { cleanDays: 1.5, threatDays: 90 } },
        { thresholds: { phish: 'high' } },
        { thresholds: { extreme: 3 } },
        { signalWeights: { 'not-a-signal': 1 } },
        { allowList: { senders: 'a@b.test' } },
        { policy: { actions: { phish: 'burn' } } },
        { policy: { actions: { urgent: 'quarantine' } } },
        { policy: { dryRun: 1 } },
      ];
      for (const value of bad) {
        assert.throws(() => normalizeTenantSettings(value), { code: 'STORAGE_INVALID_VALUE' }, JSON.stringify(value));
        await assert.rejects(
          repos.settings.update(tenant.id, (s) => ({ ...s, ...(value as object) })),
          { code: 'STORAGE_INVALID_VALUE' },
        );
      }
      assert.deepEqual(await repos.settings.get(tenant.id), defaultTenantSettings());
    });
  });
}
