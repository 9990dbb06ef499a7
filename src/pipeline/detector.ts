import type { SignalDefinition, SignalHit } from '../core/signal.ts';
import type { ScanContext } from './scan-context.ts';

/**
 * A detector records facts about one message as signals. It never decides the verdict and
 * never opens its own network client: DNS, clock and logger come from the ScanContext.
 *
 * - `analyze` detectors run side by side on the message.
 * - `correlate` detectors run after them and may read `ctx.analyzeHits` (e.g. behaviour model).
 */
export interface Detector {
  /** Dotted id: `auth.dmarc`, `links.lookalike`. Appears in reports and errors. */
  id: string;
  stage: 'analyze' | 'correlate';
  /** Every signal this detector may emit. Emitting an undeclared id is a bug and is reported. */
  signals: readonly SignalDefinition[];
  /** Per-detector budget; the runner records a temperror when it is exceeded. Default 2000 ms. */
  timeoutMs?: number;
  /** `abort` fires when the timeout passes or the scan is cancelled: stop waiting on I/O then. */
  run(ctx: ScanContext, abort: AbortSignal): SignalHit[] | Promise<SignalHit[]>;
}
