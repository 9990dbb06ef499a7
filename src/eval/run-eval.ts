import { isFlagged, type VerdictClass } from '../core/verdict.ts';
import type { Engine } from '../pipeline/engine.ts';
import type { ScanSettings } from '../pipeline/scan-context.ts';
import { type CorpusSet, loadSet } from './corpus.ts';
import { emptyConfusion, percentile, round, topCounts } from './metrics.ts';

export type SetKind = 'ham' | 'threat';

export interface SetResult {
  name: string;
  kind: SetKind;
  dir: string;
  count: number;
  duplicates: number;
  flagged: number;
  /** Threat sets: flagged / count. */
  recall?: number;
  /** Ham sets: flagged / count. */
  fpr?: number;
  confusion: Record<VerdictClass, number>;
  unscannable: number;
  top_signals: Array<{ id: string; count: number }>;
  msgs_per_sec: number;
  p50_ms: number;
  p99_ms: number;
  /** Paths of misjudged messages (missed threats, flagged ham), for inspection. */
  misjudged: string[];
}

export interface EvalResult {
  sets: SetResult[];
  overall: { ham: OverallFigures; threat: OverallFigures; msgs_per_sec: number; p50_ms: number; p99_ms: number };
}

interface OverallFigures {
  count: number;
  flagged: number;
  recall?: number;
  fpr?: number;
}

/**
 * Scans each set in turn (one message at a time, as a worker would) and reports per set and overall.
 * Throughput is scan time only: reading the files is not counted.
 */
export async function runEval(
  engine: Engine,
  sources: Array<{ kind: SetKind; dir: string }>,
  settings: Partial<ScanSettings> = {},
): Promise<EvalResult> {
  const seen = new Set<string>();
  const sets: SetResult[] = [];
  const allLatencies: number[] = [];
  let totalMs = 0;
  for (const source of sources) {
    const set = await loadSet(source.dir, seen);
    const result = await scanSet(engine, set, source.kind, settings);
    sets.push(result.summary);
    allLatencies.push(...result.latencies);
    totalMs += result.totalMs;
  }
  allLatencies.sort((a, b) => a - b);
  const overallOf = (kind: SetKind): OverallFigures => {
    const chosen = sets.filter((s) => s.kind === kind);
    const count = chosen.reduce((n, s) => n + s.count, 0);
    const flagged = chosen.reduce((n, s) => n + s.flagged, 0);
    const rate = count > 0 ? round(flagged / count) : 0;
    return kind === 'threat' ? { count, flagged, recall: rate } : { count, flagged, fpr: rate };
  };
  return {
    sets,
    overall: {
      ham: overallOf('ham'),
      threat: overallOf('threat'),
      msgs_per_sec: totalMs > 0 ? round((allLatencies.length * 1000) / totalMs, 1) : 0,
      p50_ms: round(percentile(allLatencies, 50), 3),
      p99_ms: round(percentile(allLatencies, 99), 3),
    },
  };
}

async function scanSet(engine: Engine, set: CorpusSet, kind: SetKind, settings: Partial<ScanSettings>) {
  const confusion = emptyConfusion();
  const signalCounts = new Map<string, number>();
  const latencies: number[] = [];
  const misjudged: string[] = [];
  let flagged = 0;
  let unscannable = 0;
  const started = performance.now();
  for (const message of set.messages) {
    const t = performance.now();
    const report = await engine.scan(message.raw, { settings });
    latencies.push(performance.now() - t);
    confusion[report.verdict.class]++;
    if (report.unscannable) unscannable++;
    const isThreat = isFlagged(report.verdict.class);
    if (isThreat) flagged++;
    if (isThreat !== (kind === 'threat')) misjudged.push(message.path);
    for (const s of report.signals) signalCounts.set(s.id, (signalCounts.get(s.id) ?? 0) + 1);
  }
  const totalMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const count = set.messages.length;
  const rate = count > 0 ? round(flagged / count) : 0;
  const summary: SetResult = {
    name: set.name,
    kind,
    dir: set.dir,
    count,
    duplicates: set.duplicates,
    flagged,
    ...(kind === 'threat' ? { recall: rate } : { fpr: rate }),
    confusion,
    unscannable,
    top_signals: topCounts(signalCounts, 10),
    msgs_per_sec: totalMs > 0 ? round((count * 1000) / totalMs, 1) : 0,
    p50_ms: round(percentile(latencies, 50), 3),
    p99_ms: round(percentile(latencies, 99), 3),
    misjudged,
  };
  return { summary, latencies, totalMs };
}
