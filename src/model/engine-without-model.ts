import { loadScoringConfig } from '../config/load-scoring.ts';
import { DETECTORS } from '../detectors/index.ts';
import type { CreateEngineOptions } from '../pipeline/create-engine.ts';
import { Engine, engineCatalogue } from '../pipeline/engine.ts';
import { CONTENT_MODEL_DETECTOR_ID } from './detector-id.ts';

/**
 * The shipped engine minus the content model: for `mailward eval --no-model` and the model's
 * benchmark, so the model's gain and cost are measured against the same heuristics and scoring.
 */
export function createEngineWithoutModel(options: CreateEngineOptions = {}): Engine {
  const scoring = loadScoringConfig(engineCatalogue(DETECTORS), options.configFile);
  return new Engine({ ...options, detectors: DETECTORS.filter((d) => d.id !== CONTENT_MODEL_DETECTOR_ID), scoring });
}
