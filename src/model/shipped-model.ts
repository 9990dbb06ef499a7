import { MessageFeaturizer } from './featurize-messages.ts';
import { type LoadedModel, loadModel } from './model-file.ts';

let model: LoadedModel | undefined;
let featurizer: MessageFeaturizer | undefined;

/** The shipped content model, read once per process. */
export function shippedModel(): LoadedModel {
  model ??= loadModel();
  return model;
}

/** One featurizer per process: it holds an engine, which is costly to build. */
export function sharedFeaturizer(): MessageFeaturizer {
  featurizer ??= new MessageFeaturizer();
  return featurizer;
}
