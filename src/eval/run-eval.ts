import type { TenantBehaviour } from '../behaviour/tenant-behaviour.ts';
import { isFlagged, type VerdictClass } from '../core/verdict.ts';
import { readHeaderFacts } from '../ingest/header-facts.ts';
import type { Engine } from '../pipeline/engine.ts';
import type { ScanSettings } from '../pipeline/scan-context.ts';
import { type CorpusMessage, type CorpusSet, loadSet } from './corpus.ts';
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
  /** Present when a behaviour model learned from history folders first. */
  history?: HistoryFigures;
  overall: { ham: OverallFigures; threat: OverallFigures; msgs_per_sec: number; p50_ms: number; p99_ms: number };
}

interface OverallFigures {
  count: number;
  flagged: number;
  recall?: number;
  fpr?: number;
}

/**
 * With a behaviour model, the run replays the organisation's mail in Date order: `history`
 * folders first (learned, not scored), then every ham and threat message together, so the
 * model keeps learning from what is judged clean, as it would in production. The replay clock
 * is set to each message's Date, so "how old is this message" checks see it as it arrived.
 */
export interface LearningOptions {
  behaviour: TenantBehaviour;
  /** Folders of the organisation's earlier mail, learned before the scored sets. */
  history: string[];
  /** Called with each message's Date before it is scanned (the engine's clock). */
  setClock: (at: Date) => void;
}

export interface HistoryFigures {
  count: number;
  /** History messages the engine flagged, which were therefore not learned. */
  flagged: number;
  ms: number;
}

/**
 * Scans each set in turn (one message at a time, as a worker would) and reports per set and overall.
 * Throughput is scan time only: reading the files is not counted.
 */
export async function runEval(
  engine: Engine,
  sources: Array<{ kind: SetKind; dir: string }>,
  settings: Partial<ScanSettings> = {},
  learning?: LearningOptions,
): Promise<EvalResult> {
  const seen = new Set<string>();
  const sets: SetTally[] = [];
  let history: HistoryFigures | undefined;
  if (learning) {
    const messages: CorpusMessage[] = [];
    for (const dir of learning.history) messages.push(...(await loadSet(dir, seen)).messages);
    history = await learnHistory(engine, inDateOrder(messages), settings, learning);
  }
  for (const source of sources) sets.push(new SetTally(await loadSet(source.dir, seen), source.kind));
  if (learning) {
    const all = sets.flatMap((tally) => tally.set.messages.map((message) => ({ message, tally })));
    for (const { message, tally } of inDateOrder(all, (x) => x.message)) {
      learning.setClock(dateOf(message.raw) ?? new Date());
      await tally.scan(engine, message, settings, learning.behaviour);
    }
  } else {
    for (const tally of sets) for (const message of tally.set.messages) await tally.scan(engine, message, settings);
  }
  const summaries = sets.map((t) => t.summary());
  const allLatencies = sets.flatMap((t) => t.latencies).sort((a, b) => a - b);
  const totalMs = sets.reduce((n, t) => n + t.totalMs, 0);
  const overallOf = (kind: SetKind): OverallFigures => {
    const chosen = summaries.filter((s) => s.kind === kind);
    const count = chosen.reduce((n, s) => n + s.count, 0);
    const flagged = chosen.reduce((n, s) => n + s.flagged, 0);
    const rate = count > 0 ? round(flagged / count) : 0;
    return kind === 'threat' ? { count, flagged, recall: rate } : { count, flagged, fpr: rate };
  };
  return {
    sets: summaries,
    ...(history ? { history } : {}),
    overall: {
      ham: overallOf('ham'),
      threat: overallOf('threat'),
      msgs_per_sec: totalMs > 0 ? round((allLatencies.length * 1000) / totalMs, 1) : 0,
      p50_ms: round(percentile(allLatencies, 50), 3),
      p99_ms: round(percentile(allLatencies, 99), 3),
    },
  };
}

async function learnHistory(
  engine: Engine,
  messages: CorpusMessage[],
  settings: Partial<ScanSettings>,
  learning: LearningOptions,
): Promise<HistoryFigures> {
  const started = performance.now();
  let flagged = 0;
  for (const message of messages) {
    learning.setClock(dateOf(message.raw) ?? new Date());
    const report = await engine.scan(message.raw, { settings, behaviour: learning.behaviour });
    if (isFlagged(report.verdict.class)) flagged++;
  }
  return { count: messages.length, flagged, ms: round(performance.now() - started, 1) };
}

/** The message's Date field, when it has a readable one. */
function dateOf(raw: Uint8Array): Date | undefined {
  return readHeaderFacts(raw).sentAt ?? undefined;
}

/** Stable sort by Date; messages without one keep their place relative to each other, at the end. */
function inDateOrder<T>(items: T[], messageOf: (item: T) => CorpusMessage = (item) => item as CorpusMessage): T[] {
  const keyed = items.map((item, index) => ({ item, index, at: dateOf(messageOf(item).raw)?.getTime() ?? Number.POSITIVE_INFINITY }));
  keyed.sort((a, b) => a.at - b.at || a.index - b.index);
  return keyed.map((k) => k.item);
}

/** Figures for one set, accumulated message by message (sets may be scanned interleaved). */
class SetTally {
  readonly set: CorpusSet;
  readonly kind: SetKind;
  readonly latencies: number[] = [];
  totalMs = 0;
  readonly #confusion = emptyConfusion();
  readonly #signalCounts = new Map<string, number>();
  readonly #misjudged: string[] = [];
  #flagged = 0;
  #unscannable = 0;

  constructor(set: CorpusSet, kind: SetKind) {
    this.set = set;
    this.kind = kind;
  }

  async scan(engine: Engine, message: CorpusMessage, settings: Partial<ScanSettings>, behaviour?: TenantBehaviour): Promise<void> {
    const t = performance.now();
    const report = await engine.scan(message.raw, { settings, behaviour });
    const elapsed = performance.now() - t;
    this.latencies.push(elapsed);
    this.totalMs += elapsed;
    this.#confusion[report.verdict.class]++;
    if (report.unscannable) this.#unscannable++;
    const isThreat = isFlagged(report.verdict.class);
    if (isThreat) this.#flagged++;
    if (isThreat !== (this.kind === 'threat')) this.#misjudged.push(message.path);
    for (const s of report.signals) this.#signalCounts.set(s.id, (this.#signalCounts.get(s.id) ?? 0) + 1);
  }

  summary(): SetResult {
    const latencies = [...this.latencies].sort((a, b) => a - b);
    const count = this.set.messages.length;
    const rate = count > 0 ? round(this.#flagged / count) : 0;
    return {
      name: this.set.name,
      kind: this.kind,
      dir: this.set.dir,
      count,
      duplicates: this.set.duplicates,
      flagged: this.#flagged,
      ...(this.kind === 'threat' ? { recall: rate } : { fpr: rate }),
      confusion: this.#confusion,
      unscannable: this.#unscannable,
      top_signals: topCounts(this.#signalCounts, 10),
      msgs_per_sec: this.totalMs > 0 ? round((count * 1000) / this.totalMs, 1) : 0,
      p50_ms: round(percentile(latencies, 50), 3),
      p99_ms: round(percentile(latencies, 99), 3),
      misjudged: this.#misjudged,
    };
  }
}
