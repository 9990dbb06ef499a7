import { featureIndex } from './hashing.ts';

/**
 * A message as the model sees it: hashed feature indices, each with the same value
 * 1/sqrt(n), so long and short messages weigh alike (the vector has unit length).
 */
export interface FeatureVector {
  indices: Int32Array;
  value: number;
}

export function vectorize(names: readonly string[], dimension: number): FeatureVector {
  const indices = new Int32Array(names.length);
  for (let i = 0; i < names.length; i++) indices[i] = featureIndex(names[i], dimension);
  return { indices, value: names.length > 0 ? 1 / Math.sqrt(names.length) : 0 };
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
