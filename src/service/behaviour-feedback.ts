import { loadScoringConfig } from '../config/load-scoring.ts';
import { behaviourFacts } from '../detectors/behaviour/behaviour-facts.ts';
import { applyAnalystDecision } from '../detectors/behaviour/learn-after-verdict.ts';
import { DETECTORS } from '../detectors/index.ts';
import { offlineResolver } from '../pipeline/dns.ts';
import { Engine, engineCatalogue } from '../pipeline/engine.ts';
import type { BehaviourDecision } from './scan-pool.ts';

const engines = new Map<BehaviourDecision, Engine>();

/**
 * An engine that reads a judged message as a scan does and feeds the judgement to the behaviour
 * model given to the scan (not a threat: learned as normal; threat: the sender is forgotten),
 * instead of learning from its own verdict. The facts the model learns from are the scan's
 * (headers, provider stamps, language signals), so they are read by the same detectors; scoring
 * plays no part in them, and DNS is never needed (offline).
 */
export function feedbackEngine(decision: BehaviourDecision): Engine {
  let engine = engines.get(decision);
  if (!engine) {
    engine = new Engine({
      detectors: DETECTORS,
      scoring: loadScoringConfig(engineCatalogue(DETECTORS)),
      dns: offlineResolver,
      postHooks: [
        (report, ctx) => {
          if (ctx?.behaviour && !report.unscannable) applyAnalystDecision(ctx.behaviour, behaviourFacts(ctx), decision);
        },
      ],
    });
    engines.set(decision, engine);
  }
  return engine;
}
