import { fitPlatt } from './calibration.ts';
import { type HeldOutFigures, heldOutFigures } from './held-out-figures.ts';
import { type LinearModel, rawScore } from './linear-model.ts';
import { seededRandom, shuffle } from './prng.ts';
import { DEFAULT_TRAIN_OPTIONS, type LabelledVector, type TrainOptions, trainLogistic } from './train-logistic.ts';
import type { LabelledMessage } from './training-data.ts';
import { sigmoid, vectorize } from './vectorize.ts';

export const DEFAULT_DIMENSION = 1 << 18;

export interface TrainedModel {
  model: LinearModel;
  split: { train: number; calibration: number; test: number };
  test: HeldOutFigures;
}

/**
 * Splits the labelled messages (per class, seeded) into 70% training, 15% calibration and 15%
 * test; trains on the first, fits the probability calibration on the second and measures the
 * calibrated model on the third, which it has never seen.
 */
export function trainContentModel(data: readonly LabelledMessage[], options: Partial<TrainOptions> = {}): TrainedModel {
  const settings: TrainOptions = { dimension: DEFAULT_DIMENSION, ...DEFAULT_TRAIN_OPTIONS, ...options };
  const random = seededRandom(settings.seed);
  const parts = { train: [] as LabelledMessage[], calibration: [] as LabelledMessage[], test: [] as LabelledMessage[] };
  for (const label of [0, 1]) {
    const items = shuffle(
      data.filter((d) => d.label === label),
      random,
    );
    const a = Math.round(items.length * 0.7);
    const b = Math.round(items.length * 0.85);
    parts.train.push(...items.slice(0, a));
    parts.calibration.push(...items.slice(a, b));
    parts.test.push(...items.slice(b));
  }
  const model = fitAndCalibrate(parts.train, parts.calibration, settings);
  return {
    model,
    split: { train: parts.train.length, calibration: parts.calibration.length, test: parts.test.length },
    test: evaluate(model, parts.test),
  };
}

/**
 * k-fold cross-validation: each fold is held out once while a model is trained (and calibrated
 * on 15% of the rest) on the others; the held-out probabilities of all folds are measured together.
 */
export function crossValidate(data: readonly LabelledMessage[], folds: number, options: Partial<TrainOptions> = {}): HeldOutFigures {
  const settings: TrainOptions = { dimension: DEFAULT_DIMENSION, ...DEFAULT_TRAIN_OPTIONS, ...options };
  const random = seededRandom(settings.seed);
  const order = shuffle(
    data.map((_, i) => i),
    random,
  );
  const fold = new Int32Array(data.length);
  order.forEach((index, position) => {
    fold[index] = position % folds;
  });
  const probabilities = new Array<number>(data.length);
  for (let k = 0; k < folds; k++) {
    const rest = shuffle(
      data.filter((_, i) => fold[i] !== k),
      random,
    );
    const cut = Math.round(rest.length * 0.85);
    const model = fitAndCalibrate(rest.slice(0, cut), rest.slice(cut), settings);
    data.forEach((d, i) => {
      if (fold[i] === k) probabilities[i] = probability(model, d);
    });
  }
  return heldOutFigures(
    probabilities,
    data.map((d) => d.label),
    data.map((d) => d.source.replace(/^generated:.*/, 'generated-lures')),
  );
}

function fitAndCalibrate(train: readonly LabelledMessage[], calibration: readonly LabelledMessage[], settings: TrainOptions): LinearModel {
  const examples: LabelledVector[] = train.map((d) => ({ x: vectorize(d.features.shared, settings.dimension), y: d.label }));
  const { weights, bias } = trainLogistic(examples, settings);
  const uncalibrated: LinearModel = { dimension: settings.dimension, weights, bias, calibration: { a: 1, b: 0 } };
  const scores = calibration.map((d) => rawScore(uncalibrated, vectorize(d.features.shared, settings.dimension)));
  return {
    ...uncalibrated,
    calibration: fitPlatt(
      scores,
      calibration.map((d) => d.label),
    ),
  };
}

function probability(model: LinearModel, d: LabelledMessage): number {
  const score = rawScore(model, vectorize(d.features.shared, model.dimension));
  return sigmoid(model.calibration.a * score + model.calibration.b);
}

function evaluate(model: LinearModel, test: readonly LabelledMessage[]): HeldOutFigures {
  return heldOutFigures(
    test.map((d) => probability(model, d)),
    test.map((d) => d.label),
    test.map((d) => d.source.replace(/^generated:.*/, 'generated-lures')),
  );
}
