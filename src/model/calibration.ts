import { sigmoid } from './vectorize.ts';

/** Platt scaling: probability = sigmoid(a * score + b), fitted on held-out scores. */
export interface Calibration {
  a: number;
  b: number;
}

export const IDENTITY_CALIBRATION: Calibration = { a: 1, b: 0 };

export function calibratedLogit(calibration: Calibration, score: number): number {
  return calibration.a * score + calibration.b;
}

/**
 * Fits a and b by Newton's method on the log loss, with Platt's smoothed targets
 * ((n+ + 1)/(n+ + 2) and 1/(n- + 2)) so a perfectly separated held-out set does not push
 * the probabilities to exactly 0 and 1.
 */
export function fitPlatt(scores: readonly number[], labels: readonly number[]): Calibration {
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('calibration needs held-out examples of both classes');
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const target = (i: number) => (labels[i] === 1 ? high : low);
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < scores.length; i++) {
      const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(a * scores[i] + b)));
      sum -= target(i) * Math.log(p) + (1 - target(i)) * Math.log(1 - p);
    }
    return sum;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < scores.length; i++) {
      const p = sigmoid(a * scores[i] + b);
      const d = p - target(i);
      const w = p * (1 - p);
      ga += d * scores[i];
      gb += d;
      haa += w * scores[i] * scores[i];
      hab += w * scores[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Damped Newton: halve the step until the loss does not go up, so a far start cannot diverge.
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    a -= step * da;
    b -= step * db;
    const improved = current - next;
    current = next;
    if (improved < 1e-9) break;
  }
  return { a, b };
}
