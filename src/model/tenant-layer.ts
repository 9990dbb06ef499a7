import type { TenantModelLayer } from '../pipeline/scan-context.ts';
import { type FeatureVector, sigmoid } from './vectorize.ts';

/**
 * A tenant's own layer over the shared model: a sparse set of weights over the same hashed
 * features (plus the sender's address and domain, which only tenant layers use), learned online
 * from that tenant's analyst decisions and user reports. It only ever adds to the log-odds of the
 * tenant's own mail, so one tenant's decisions cannot change another's verdicts.
 */

/** Step size per decision: one decision moves a message's log-odds by at most about this much. */
export const TENANT_LEARNING_RATE = 1;
/**
 * Decisions keep teaching until both the layer alone and the model with the layer put the
 * message this far (in log-odds) on the decided side: the first lets the layer speak against
 * the heuristics (a recurring false positive may be flagged by rules the model cannot undo),
 * the second against a confident shared model.
 */
export const TENANT_MARGIN = 4;
/** Bound on stored weights per tenant; the weakest are dropped first. */
export const MAX_TENANT_WEIGHTS = 50_000;
/** No single weight may exceed this, so no one word can decide alone. */
const MAX_WEIGHT = 1.5;

export function tenantLogit(layer: TenantModelLayer | undefined, x: FeatureVector): number {
  if (!layer || layer.weights.size === 0) return 0;
  let sum = 0;
  for (let i = 0; i < x.indices.length; i++) sum += layer.weights.get(x.indices[i]) ?? 0;
  return sum * x.value;
}

/**
 * One online logistic step on the tenant's weights: `label` 1 = confirmed threat, 0 = not a
 * threat; `sharedLogit` is the shared model's calibrated log-odds for the message; `strength`
 * scales the step (a user's report counts less than an analyst's decision). Returns the new
 * weights (the input is not changed).
 */
export function learnDecision(
  weights: ReadonlyMap<number, number>,
  x: FeatureVector,
  sharedLogit: number,
  label: 0 | 1,
  strength = 1,
): Map<number, number> {
  const next = new Map(weights);
  const layer = tenantLogit({ weights, updates: 0 }, x);
  const total = sharedLogit + layer;
  // The side still short of the margin decides how much there is left to learn.
  const shifted = label === 1 ? Math.min(layer, total) - TENANT_MARGIN : Math.max(layer, total) + TENANT_MARGIN;
  const gradient = (sigmoid(shifted) - label) * strength;
  const seen = new Set<number>();
  for (let i = 0; i < x.indices.length; i++) {
    const index = x.indices[i];
    if (seen.has(index)) continue;
    seen.add(index);
    const w = (next.get(index) ?? 0) - TENANT_LEARNING_RATE * gradient * x.value * countOf(x.indices, index, i);
    next.set(index, Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, w)));
  }
  return prune(next);
}

function countOf(indices: Int32Array, index: number, from: number): number {
  let n = 0;
  for (let i = from; i < indices.length; i++) if (indices[i] === index) n++;
  return n;
}

function prune(weights: Map<number, number>): Map<number, number> {
  if (weights.size <= MAX_TENANT_WEIGHTS) return weights;
  const kept = [...weights].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, MAX_TENANT_WEIGHTS);
  return new Map(kept);
}
