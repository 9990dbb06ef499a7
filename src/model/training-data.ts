import { loadSet } from '../eval/corpus.ts';
import { generateEveryday } from './everyday-generator.ts';
import type { MessageFeatures } from './features.ts';
import type { MessageFeaturizer } from './featurize-messages.ts';
import { generateLures } from './lure-generator.ts';

export interface LabelledMessage {
  features: MessageFeatures;
  /** 1 = threat, 0 = legitimate. */
  label: number;
  /** Where it came from: a folder name or `generated:<kind>`. */
  source: string;
}

export interface TrainingSources {
  ham: string[];
  threat: string[];
  /** How many lure messages to generate as extra threats (0: none). */
  generated: number;
  /** How many ordinary messages to generate as extra legitimate mail (0: none). */
  generatedLegitimate: number;
  seed: number;
}

/** Reads every labelled message once (identical files across folders count once). */
export async function loadTrainingData(
  sources: TrainingSources,
  featurizer: MessageFeaturizer,
  progress: (line: string) => void = () => {},
): Promise<LabelledMessage[]> {
  const seen = new Set<string>();
  const out: LabelledMessage[] = [];
  const folders = [...sources.ham.map((dir) => ({ dir, label: 0 })), ...sources.threat.map((dir) => ({ dir, label: 1 }))];
  for (const { dir, label } of folders) {
    const set = await loadSet(dir, seen);
    for (const message of set.messages) {
      const features = await featurizer.features(message.raw);
      if (features) out.push({ features, label, source: set.name });
    }
    progress(`${set.name}: ${set.messages.length} ${label ? 'threat' : 'legitimate'} messages`);
  }
  if (sources.generated > 0) {
    for (const lure of generateLures(sources.generated, sources.seed)) {
      const features = await featurizer.features(lure.raw);
      if (features) out.push({ features, label: 1, source: `generated:${lure.kind}` });
    }
    progress(`generated lures: ${sources.generated} threat messages`);
  }
  if (sources.generatedLegitimate > 0) {
    // A different seed stream from the lures, so the two generators do not move in step.
    for (const message of generateEveryday(sources.generatedLegitimate, sources.seed + 1)) {
      const features = await featurizer.features(message.raw);
      if (features) out.push({ features, label: 0, source: 'generated-legitimate' });
    }
    progress(`generated ordinary mail: ${sources.generatedLegitimate} legitimate messages`);
  }
  return out;
}
