import { errorMessage } from '../core/errors.ts';
import type { DetectorError } from '../core/report.ts';
import type { SignalDefinition } from '../core/signal.ts';
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
 * Runs a stage's detectors side by side. Each gets its own timeout and AbortSignal; a detector
 * that throws or runs out of time becomes an error entry and the scan goes on without it.
 * A detector that blocks the event loop cannot be interrupted here: detectors are kept
 * synchronous-cheap by design, and the fuzz test guards that.
 */
export async function runDetectors(detectors: readonly Detector[], ctx: ScanContext, defaultTimeoutMs: number): Promise<StageOutcome> {
  const outcome: StageOutcome = { hits: [], errors: [], timings: {} };
  await Promise.all(detectors.map((detector) => runOne(detector, ctx, defaultTimeoutMs, outcome)));
  return outcome;
}

async function runOne(detector: Detector, ctx: ScanContext, defaultTimeoutMs: number, outcome: StageOutcome): Promise<void> {
  const started = performance.now();
  const controller = new AbortController();
  const timeoutMs = detector.timeoutMs ?? defaultTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(() => detector.run(ctx, controller.signal)), timeout]);
    if (result === 'timeout') {
      controller.abort();
      outcome.errors.push({ detector: detector.id, kind: 'temperror', message: `did not finish within ${timeoutMs} ms` });
      return;
    }
    for (const hit of result) {
      const definition = findDefinition(detector.signals, hit.id);
      if (!definition) {
        outcome.errors.push({ detector: detector.id, kind: 'permerror', message: `emitted undeclared signal ${hit.id}` });
        continue;
      }
      outcome.hits.push({ hit, definition, detector: detector.id });
    }
  } catch (error) {
    ctx.log.warn({ detector: detector.id, err: errorMessage(error) }, 'detector failed');
    outcome.errors.push({ detector: detector.id, kind: 'temperror', message: errorMessage(error) });
  } finally {
    clearTimeout(timer);
    outcome.timings[detector.id] = round(performance.now() - started);
  }
}

function findDefinition(signals: readonly SignalDefinition[], id: string): SignalDefinition | undefined {
  for (const s of signals) if (s.id === id) return s;
  return undefined;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
