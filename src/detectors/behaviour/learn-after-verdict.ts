/**
 * The behaviour model learns after the verdict, from what was judged clean: a message flagged
 * suspicious or worse never becomes "normal". Runs as an engine post hook, which cannot change
 * the verdict. Analyst decisions reach the model through `applyAnalystDecision`.
 */
import type { MessageFacts } from '../../behaviour/message-facts.ts';
import type { TenantBehaviour } from '../../behaviour/tenant-behaviour.ts';
import { isFlagged } from '../../core/verdict.ts';
import type { PostHook } from '../../pipeline/engine.ts';
import { behaviourFacts } from './behaviour-facts.ts';

export const learnAfterVerdict: PostHook = (report, ctx) => {
  if (!ctx?.behaviour || !ctx.learn || report.unscannable || isFlagged(report.verdict.class)) return;
  ctx.behaviour.learn(behaviourFacts(ctx));
};

/** Feedback: a released message is learned as normal; a confirmed threat's sender is forgotten. */
export function applyAnalystDecision(model: TenantBehaviour, facts: MessageFacts, decision: 'not_a_threat' | 'threat'): void {
  if (decision === 'not_a_threat') model.learn(facts);
  else model.forget(facts);
}
