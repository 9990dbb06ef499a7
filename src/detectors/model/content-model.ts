/**
 * Catches: lures no lexicon or rule names, by what the whole message looks like. A logistic
 * regression over hashed words and word pairs (subject, body, link texts), link hosts,
 * attachment types and the signals the other detectors recorded gives a calibrated probability
 * that the message is a threat (see docs/model-card.md). A tenant's own layer, learned from its
 * analysts' decisions and users' reports, is added on top for that tenant's mail.
 * Example threat: a courier "customs fee" notice in Dutch with a link to a throwaway host.
 * Known false positives: legitimate security and billing notices written like lures; a tenant's
 * not-a-threat decisions teach its layer to let its own recurring ones pass.
 */

import { errorMessage } from '../../core/errors.ts';
import type { SignalDefinition, SignalHit } from '../../core/signal.ts';
import { CONTENT_MODEL_DETECTOR_ID } from '../../model/detector-id.ts';
import { messageFeatures } from '../../model/features.ts';
import { threatLogit } from '../../model/linear-model.ts';
import { type LoadedModel, loadModel } from '../../model/model-file.ts';
import { tenantLogit } from '../../model/tenant-layer.ts';
import { sigmoid, vectorize } from '../../model/vectorize.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { strongestTerms } from './strongest-terms.ts';

const THREAT: SignalDefinition = {
  id: 'MODEL_CONTENT_THREAT',
  group: 'model',
  weight: 10,
  indicates: 'phish',
  description:
    'The content model rates the message as a likely threat (calibrated probability from its words, links, attachments and other signals).',
};
const LEGITIMATE: SignalDefinition = {
  id: 'MODEL_CONTENT_LEGITIMATE',
  group: 'model',
  weight: -2,
  indicates: 'none',
  description: 'The content model is confident the message is ordinary legitimate mail.',
};
const TENANT_NOT_THREAT: SignalDefinition = {
  id: 'MODEL_TENANT_NOT_THREAT',
  group: 'model',
  weight: -8,
  indicates: 'none',
  description: "This organisation's analysts and users have repeatedly judged messages like this one not to be threats.",
};
const TENANT_THREAT: SignalDefinition = {
  id: 'MODEL_TENANT_CONFIRMED_THREAT',
  group: 'model',
  weight: 4,
  indicates: 'phish',
  description: "This organisation's analysts and users have confirmed messages like this one as threats.",
};

/** Probability from which the threat signal starts, and where it reaches full strength. */
export const THREAT_FROM = 0.3;
export const THREAT_FULL = 0.95;
/** Below this probability the message reads as ordinary mail. */
export const LEGITIMATE_BELOW = 0.01;
/** How far (log-odds) a tenant's layer must move a message before it is reported on its own. */
export const TENANT_SIGNAL_FROM = 2;
const TENANT_SIGNAL_FULL = 5;

let loaded: LoadedModel | Error;
try {
  loaded = loadModel();
} catch (error) {
  loaded = error instanceof Error ? error : new Error(errorMessage(error));
}

export const contentModel: Detector = {
  id: CONTENT_MODEL_DETECTOR_ID,
  // Correlate: it reads the signals the analyze-stage detectors recorded.
  stage: 'correlate',
  signals: [THREAT, LEGITIMATE, TENANT_NOT_THREAT, TENANT_THREAT],
  run(ctx) {
    // A missing or corrupt weights file is reported on every scan (temperror), never silently skipped.
    if (loaded instanceof Error) throw loaded;
    const model = loaded;
    const features = messageFeatures({ message: ctx.message, signalIds: ctx.analyzeHits.keys() });
    const x = vectorize(features.shared, model.dimension);
    const shared = threatLogit(model, x);
    const layer = ctx.settings.contentModelLayer;
    const tenant = layer ? tenantLogit(layer, vectorize([...features.shared, ...features.tenant], model.dimension)) : 0;
    const probability = sigmoid(shared + tenant);
    const hits: SignalHit[] = [];
    if (probability >= THREAT_FROM) {
      const factor = ramp(logit(probability), logit(THREAT_FROM), logit(THREAT_FULL));
      hits.push({
        id: THREAT.id,
        factor,
        evidence: [`probability ${probability.toFixed(3)}`, ...strongestTerms(model, features.shared, 1)],
      });
    } else if (probability < LEGITIMATE_BELOW) {
      hits.push({ id: LEGITIMATE.id, evidence: [`probability ${probability.toFixed(4)}`] });
    }
    if (tenant <= -TENANT_SIGNAL_FROM)
      hits.push({
        id: TENANT_NOT_THREAT.id,
        factor: ramp(-tenant, TENANT_SIGNAL_FROM, TENANT_SIGNAL_FULL),
        evidence: [`layer log-odds ${tenant.toFixed(2)}`, `from ${layer?.updates ?? 0} decisions`],
      });
    else if (tenant >= TENANT_SIGNAL_FROM)
      hits.push({
        id: TENANT_THREAT.id,
        factor: ramp(tenant, TENANT_SIGNAL_FROM, TENANT_SIGNAL_FULL),
        evidence: [`layer log-odds +${tenant.toFixed(2)}`, `from ${layer?.updates ?? 0} decisions`],
      });
    return hits;
  },
};

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** 0.25 at `from`, rising linearly to 1 at `full`: a probability just over the line still counts a little. */
function ramp(value: number, from: number, full: number): number {
  const t = Math.max(0, Math.min(1, (value - from) / (full - from)));
  return Math.round((0.25 + 0.75 * t) * 1000) / 1000;
}
