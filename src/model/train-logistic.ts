import { seededRandom, shuffle } from './prng.ts';
import { type FeatureVector, sigmoid } from './vectorize.ts';

export interface LabelledVector {
  x: FeatureVector;
  /** 1 = threat, 0 = legitimate. */
  y: number;
}

export interface TrainOptions {
  dimension: number;
  epochs: number;
  /** Adagrad base step. */
  learningRate: number;
  /** L2 penalty per example, keeps rare words from deciding alone. */
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: Omit<TrainOptions, 'dimension'> = { epochs: 12, learningRate: 0.5, l2: 1e-6, seed: 20261123 };

/**
 * Logistic regression by Adagrad SGD over shuffled examples (seeded, so the same data gives the
 * same weights). Classes are weighted to count equally, whatever their sizes.
 */
export function trainLogistic(examples: readonly LabelledVector[], options: TrainOptions): { weights: Float32Array; bias: number } {
  const weights = new Float64Array(options.dimension);
  const squared = new Float64Array(options.dimension).fill(1e-8);
  let bias = 0;
  let biasSquared = 1e-8;
  const positives = examples.filter((e) => e.y === 1).length;
  const negatives = examples.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('training needs examples of both classes');
  const classWeight = [examples.length / (2 * negatives), examples.length / (2 * positives)];
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const { x, y } = examples[i];
      let z = bias;
      for (let k = 0; k < x.indices.length; k++) z += weights[x.indices[k]] * x.value;
      const gradient = (sigmoid(z) - y) * classWeight[y];
      for (let k = 0; k < x.indices.length; k++) {
        const j = x.indices[k];
        const g = gradient * x.value + options.l2 * weights[j];
        squared[j] += g * g;
        weights[j] -= (options.learningRate * g) / Math.sqrt(squared[j]);
      }
      biasSquared += gradient * gradient;
      bias -= (options.learningRate * gradient) / Math.sqrt(biasSquared);
    }
  }
  return { weights: Float32Array.from(weights), bias };
}
