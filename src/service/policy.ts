import type { PolicyAction, ServiceConfig } from '../config/service-config.ts';
import type { VerdictClass } from '../core/verdict.ts';

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
  policy: ServiceConfig['policy'],
  verdict: { class: VerdictClass; score: number },
  facts: { notThreat: boolean },
): PolicyDecision {
  const action = policy.actions[verdict.class] ?? 'none';
  if (action === 'none') return { kind: 'none', why: `policy takes no action on ${verdict.class}` };
  if (facts.notThreat) return { kind: 'none', why: 'an analyst marked this sender as not a threat' };
  return { kind: 'act', action, dryRun: policy.dryRun, reason: `policy: ${verdict.class} (score ${verdict.score})` };
}
