import { TenantBehaviour } from '../behaviour/tenant-behaviour.ts';
import { learnAfterVerdict } from '../detectors/behaviour/learn-after-verdict.ts';
import { type CreateEngineOptions, createEngine } from '../pipeline/create-engine.ts';
import { offlineResolver } from '../pipeline/dns.ts';
import type { Engine } from '../pipeline/engine.ts';
import type { ScanSettings } from '../pipeline/scan-context.ts';
import { type EvalResult, runEval, type SetKind } from './run-eval.ts';

/**
 * One evaluation run with the shipped engine, offline. With `history` (even an empty list) a
 * fresh behaviour model learns as the run replays the mail in Date order, the engine's clock
 * following the messages' dates; without it no behaviour model is used at all. `makeEngine`
 * chooses the detector set (`--no-model` leaves the content model out).
 */
export async function evaluateFolders(
  configFile: string | undefined,
  sources: Array<{ kind: SetKind; dir: string }>,
  settings: Partial<ScanSettings>,
  history: string[] | undefined,
  makeEngine: (options: CreateEngineOptions) => Engine = createEngine,
): Promise<EvalResult> {
  if (!history) return runEval(makeEngine({ configFile, dns: offlineResolver }), sources, settings);
  let now = new Date();
  const engine = makeEngine({ configFile, dns: offlineResolver, clock: () => now, postHooks: [learnAfterVerdict] });
  const setClock = (at: Date) => {
    // Scanned a minute after it was sent, as delivered mail is.
    now = new Date(at.getTime() + 60_000);
  };
  return runEval(engine, sources, settings, { behaviour: new TenantBehaviour(), history, setClock });
}
