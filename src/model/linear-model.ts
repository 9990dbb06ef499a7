import { type Calibration, calibratedLogit } from './calibration.ts';
import type { FeatureVector } from './vectorize.ts';

/** A logistic regression over hashed features, with its calibration. */
export interface LinearModel {
  /** Number of weights, a power of two. */
  dimension: number;
  weights: Float32Array;
  bias: number;
  calibration: Calibration;
}

/** The raw score (log-odds before calibration). */
export function rawScore(model: Pick<LinearModel, 'weights' | 'bias'>, x: FeatureVector): number {
  let sum = 0;
  const { weights } = model;
  for (let i = 0; i < x.indices.length; i++) sum += weights[x.indices[i]];
  return model.bias + sum * x.value;
}

/** Calibrated log-odds that the message is a threat. */
export function threatLogit(model: LinearModel, x: FeatureVector): number {
  return calibratedLogit(model.calibration, rawScore(model, x));
}
