import type { PolicyAction, ServiceConfig } from '../config/service-config.ts';
import type { VerdictClass } from '../core/verdict.ts';
import type { TenantPolicy } from '../storage/tenant-settings.ts';

/** Verdict class -> action, and whether actions are only recorded. */
export type Policy = ServiceConfig['policy'];

/** The tenant's policy: its own choices over the service-wide default (configuration). */
export function effectivePolicy(serviceWide: Policy, tenant: TenantPolicy | undefined): Policy {
  if (!tenant) return serviceWide;
  return { dryRun: tenant.dryRun ?? serviceWide.dryRun, actions: { ...serviceWide.actions, ...tenant.actions } };
}

/**
 * The tenant policy: what a verdict does inside Mailward. Defaults (see `defaultServiceConfig`):
 * phish and malware are quarantined; suspicious, spam, graymail and clean are only recorded (the
 * report and the message list show them). An analyst's "not a threat" decision for the sender
 * wins over the policy. In dry-run, the action that would have run is recorded and nothing moves.
 */
export type PolicyDecision =
  | { kind: 'none'; why: string }
  | { kind: 'act'; action: Exclude<PolicyAction, 'none'>; dryRun: boolean; reason: string };

export function decidePolicy(
  policy: Policy,
  verdict: { class: VerdictClass; score: number },
  facts: { notThreat: boolean },
): PolicyDecision {
  const action = policy.actions[verdict.class] ?? 'none';
  if (action === 'none') return { kind: 'none', why: `policy takes no action on ${verdict.class}` };
  if (facts.notThreat) return { kind: 'none', why: 'an analyst marked this sender as not a threat' };
  return { kind: 'act', action, dryRun: policy.dryRun, reason: `policy: ${verdict.class} (score ${verdict.score})` };
}
