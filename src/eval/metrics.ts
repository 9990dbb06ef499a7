import { VERDICT_CLASSES, type VerdictClass } from '../core/verdict.ts';

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function emptyConfusion(): Record<VerdictClass, number> {
  return Object.fromEntries(VERDICT_CLASSES.map((c) => [c, 0])) as Record<VerdictClass, number>;
}

/** The `n` most frequent keys of a counter, most frequent first. */
export function topCounts(counter: Map<string, number>, n: number): Array<{ id: string; count: number }> {
  return [...counter.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([id, count]) => ({ id, count }));
}

export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
