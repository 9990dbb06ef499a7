import { errorMessage } from '../core/errors.ts';
import type { DetectorError } from '../core/report.ts';
import type { SignalDefinition, SignalHit } from '../core/signal.ts';
import type { CatalogedHit } from '../scoring/score.ts';
import type { Detector } from './detector.ts';
import type { ScanContext } from './scan-context.ts';

export const DEFAULT_DETECTOR_TIMEOUT_MS = 2000;

export interface StageOutcome {
  hits: CatalogedHit[];
  errors: DetectorError[];
  timings: Record<string, number>;
}

/**
 * The deadline shared by every detector of a stage with the same timeout. All of a stage's
 * detectors start together, so one timer and one AbortSignal per distinct timeout give each
 * detector exactly its own deadline, without a timer per detector per message.
 */
interface Deadline {
  controller: AbortController;
  expired: Promise<'timeout'>;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Runs a stage's detectors side by side. Each is held to its own timeout and gets an AbortSignal
 * that fires when it runs out; a detector that throws or runs out of time becomes an error entry
 * and the scan goes on without it. A detector that blocks the event loop cannot be interrupted
 * here: detectors are kept synchronous-cheap by design, and the fuzz test guards that.
 * Timings are from the start of the stage to each detector's end.
 */
export async function runDetectors(detectors: readonly Detector[], ctx: ScanContext, defaultTimeoutMs: number): Promise<StageOutcome> {
  const outcome: StageOutcome = { hits: [], errors: [], timings: {} };
  const started = performance.now();
  // Every deadline is set before any detector runs, so a slow one cannot push back another's.
  const deadlines = new Map<number, Deadline>();
  const timeouts = detectors.map((detector) => {
    const timeoutMs = detector.timeoutMs ?? defaultTimeoutMs;
    if (!deadlines.has(timeoutMs)) deadlines.set(timeoutMs, newDeadline(timeoutMs));
    return timeoutMs;
  });
  try {
    // Most detectors answer synchronously and are done when `runOne` returns; only the pending
    // ones are waited for, so a stage does not pay for a promise per detector.
    const pending: Promise<void>[] = [];
    detectors.forEach((detector, i) => {
      const running = runOne(detector, ctx, timeouts[i], deadlines.get(timeouts[i]) as Deadline, outcome, started);
      if (running) pending.push(running);
    });
    await Promise.all(pending);
  } finally {
    for (const deadline of deadlines.values()) clearTimeout(deadline.timer);
  }
  return outcome;
}

function newDeadline(timeoutMs: number): Deadline {
  const deadline: Deadline = { controller: new AbortController(), expired: Promise.resolve('timeout'), timer: undefined };
  deadline.expired = new Promise<'timeout'>((resolve) => {
    deadline.timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  return deadline;
}

/** Runs one detector; returns a promise only when the detector's answer is itself pending. */
function runOne(
  detector: Detector,
  ctx: ScanContext,
  timeoutMs: number,
  deadline: Deadline,
  outcome: StageOutcome,
  started: number,
): Promise<void> | undefined {
  let pending: ReturnType<Detector['run']>;
  try {
    pending = detector.run(ctx, deadline.controller.signal);
    // A synchronous answer cannot be overtaken by a timer, so only a pending one is raced against the deadline.
    if (!isThenable(pending)) {
      recordHits(detector, pending, outcome);
      recordTiming(detector, outcome, started);
      return undefined;
    }
  } catch (error) {
    recordFailure(detector, ctx, outcome, error);
    recordTiming(detector, outcome, started);
    return undefined;
  }
  return settle(detector, pending, ctx, timeoutMs, deadline, outcome, started);
}

async function settle(
  detector: Detector,
  pending: Promise<SignalHit[]>,
  ctx: ScanContext,
  timeoutMs: number,
  deadline: Deadline,
  outcome: StageOutcome,
  started: number,
): Promise<void> {
  try {
    const result = await Promise.race([pending, deadline.expired]);
    if (result === 'timeout') {
      deadline.controller.abort();
      outcome.errors.push({ detector: detector.id, kind: 'temperror', message: `did not finish within ${timeoutMs} ms` });
      return;
    }
    recordHits(detector, result, outcome);
  } catch (error) {
    recordFailure(detector, ctx, outcome, error);
  } finally {
    recordTiming(detector, outcome, started);
  }
}

function recordHits(detector: Detector, result: readonly SignalHit[], outcome: StageOutcome): void {
  for (const hit of result) {
    const definition = findDefinition(detector.signals, hit.id);
    if (!definition) {
      outcome.errors.push({ detector: detector.id, kind: 'permerror', message: `emitted undeclared signal ${hit.id}` });
      continue;
    }
    outcome.hits.push({ hit, definition, detector: detector.id });
  }
}

function recordFailure(detector: Detector, ctx: ScanContext, outcome: StageOutcome, error: unknown): void {
  ctx.log.warn({ detector: detector.id, err: errorMessage(error) }, 'detector failed');
  outcome.errors.push({ detector: detector.id, kind: 'temperror', message: errorMessage(error) });
}

function recordTiming(detector: Detector, outcome: StageOutcome, started: number): void {
  outcome.timings[detector.id] = round(performance.now() - started);
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function';
}

function findDefinition(signals: readonly SignalDefinition[], id: string): SignalDefinition | undefined {
  for (const s of signals) if (s.id === id) return s;
  return undefined;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
