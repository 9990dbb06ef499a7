/** Figures on held-out examples: how well probabilities separate threats from legitimate mail. */
export interface HeldOutFigures {
  threats: number;
  legitimate: number;
  /** Area under the ROC curve: the chance a random threat scores above a random legitimate message. */
  auc: number;
  /** Recall and false-positive rate when flagging from each probability threshold. */
  thresholds: Array<{ probability: number; recall: number; fpr: number }>;
  /** Recall per threat source and false-positive rate per legitimate source, at probability 0.5. */
  bySource: Record<string, { count: number; flaggedAtHalf: number }>;
  /** Mean |predicted probability - observed rate| over ten probability bins (calibration error). */
  calibrationError: number;
}

export const REPORTED_THRESHOLDS = [0.5, 0.8, 0.9, 0.97, 0.99];

export function heldOutFigures(probabilities: readonly number[], labels: readonly number[], sources: readonly string[]): HeldOutFigures {
  const threats = labels.filter((y) => y === 1).length;
  const legitimate = labels.length - threats;
  const bySource: HeldOutFigures['bySource'] = {};
  probabilities.forEach((p, i) => {
    const entry = bySource[sources[i]] ?? { count: 0, flaggedAtHalf: 0 };
    bySource[sources[i]] = entry;
    entry.count++;
    if (p >= 0.5) entry.flaggedAtHalf++;
  });
  const thresholds = REPORTED_THRESHOLDS.map((t) => {
    let tp = 0;
    let fp = 0;
    probabilities.forEach((p, i) => {
      if (p < t) return;
      if (labels[i] === 1) tp++;
      else fp++;
    });
    return { probability: t, recall: round(threats ? tp / threats : 0), fpr: round(legitimate ? fp / legitimate : 0) };
  });
  return {
    threats,
    legitimate,
    auc: round(auc(probabilities, labels)),
    thresholds,
    bySource,
    calibrationError: round(calibrationError(probabilities, labels)),
  };
}

function auc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  // Average ranks over ties so equal scores count half.
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].s === order[i].s) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) {
      if (order[k].y === 1) {
        rankSum += rank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function calibrationError(probabilities: readonly number[], labels: readonly number[]): number {
  const bins = Array.from({ length: 10 }, () => ({ sum: 0, positives: 0, count: 0 }));
  probabilities.forEach((p, i) => {
    const bin = bins[Math.min(9, Math.floor(p * 10))];
    bin.sum += p;
    bin.positives += labels[i];
    bin.count++;
  });
  let error = 0;
  for (const bin of bins)
    if (bin.count > 0) error += (bin.count / probabilities.length) * Math.abs(bin.sum / bin.count - bin.positives / bin.count);
  return error;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
