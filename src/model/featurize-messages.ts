import { offlineResolver } from '../pipeline/dns.ts';
import type { Engine } from '../pipeline/engine.ts';
import { createEngineWithoutModel } from './engine-without-model.ts';
import { type MessageFeatures, messageFeatures } from './features.ts';

/**
 * Reads messages as the model will see them in the pipeline: parsed, with the signals of every
 * other analyze-stage detector. Runs the engine without the content model itself (its output
 * must not become its own input) and captures the features from the scan context.
 */
export class MessageFeaturizer {
  readonly #engine: Engine;
  #captured: MessageFeatures | undefined;

  constructor() {
    this.#engine = createEngineWithoutModel({
      dns: offlineResolver,
      postHooks: [
        (_report, ctx) => {
          this.#captured = ctx ? messageFeatures({ message: ctx.message, signalIds: ctx.analyzeHits.keys() }) : undefined;
        },
      ],
    });
  }

  /** The message's features, or undefined when it could not be parsed. */
  async features(raw: Uint8Array): Promise<MessageFeatures | undefined> {
    this.#captured = undefined;
    await this.#engine.scan(raw);
    return this.#captured;
  }
}
