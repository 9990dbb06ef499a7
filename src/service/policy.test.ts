import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultServiceConfig } from '../config/service-config.ts';
import { decidePolicy, effectivePolicy } from './policy.ts';

const policy = defaultServiceConfig().policy;

describe('decidePolicy', () => {
  it('quarantines phish and malware by default, records the rest', () => {
    assert.equal(decidePolicy(policy, { class: 'phish', score: 12 }, { notThreat: false }).kind, 'act');
    assert.equal(decidePolicy(policy, { class: 'malware', score: 12 }, { notThreat: false }).kind, 'act');
    for (const verdict of ['clean', 'graymail', 'spam', 'suspicious'] as const) {
      assert.equal(decidePolicy(policy, { class: verdict, score: 6 }, { notThreat: false }).kind, 'none', verdict);
    }
  });

  it('lets an analyst decision win and carries dry-run', () => {
    assert.equal(decidePolicy(policy, { class: 'phish', score: 12 }, { notThreat: true }).kind, 'none');
    const dry = decidePolicy({ ...policy, dryRun: true }, { class: 'phish', score: 12 }, { notThreat: false });
    assert.deepEqual(dry, { kind: 'act', action: 'quarantine', dryRun: true, reason: 'policy: phish (score 12)' });
  });

  it("follows the tenant's own choices over the service-wide policy, class by class", () => {
    const tenant = effectivePolicy(policy, { actions: { suspicious: 'quarantine', malware: 'none' } });
    assert.equal(decidePolicy(tenant, { class: 'suspicious', score: 6 }, { notThreat: false }).kind, 'act');
    assert.equal(decidePolicy(tenant, { class: 'malware', score: 12 }, { notThreat: false }).kind, 'none');
    assert.equal(decidePolicy(tenant, { class: 'phish', score: 12 }, { notThreat: false }).kind, 'act', 'phish keeps the default');
    assert.equal(effectivePolicy(policy, { actions: {} }).dryRun, false);
    assert.equal(effectivePolicy({ ...policy, dryRun: true }, { dryRun: false, actions: {} }).dryRun, false, 'a tenant may leave dry run');
  });
});
