import { relative } from 'node:path';
import { MessageFeaturizer } from '../../model/featurize-messages.ts';
import type { HeldOutFigures } from '../../model/held-out-figures.ts';
import { SHIPPED_MODEL, saveModel } from '../../model/model-file.ts';
import { DEFAULT_TRAIN_OPTIONS } from '../../model/train-logistic.ts';
import { crossValidate, DEFAULT_DIMENSION, trainContentModel } from '../../model/train-model.ts';
import { loadTrainingData } from '../../model/training-data.ts';
import { parseOptions } from '../parse-options.ts';
import { CliUsageError } from '../usage-error.ts';

export const TRAIN_HELP = `Usage: mailward train --ham DIR... --threat DIR... [options]

Trains the content model (hashed words, link hosts, attachment types and detector signals into
a calibrated logistic regression) from folders of labelled messages, plus lure messages the
project's own generator writes. Deterministic: the same folders and seed give the same weights.
Splits each class 70/15/15 into training, calibration and test, and prints the test figures.

Options:
  --ham DIR               folder of legitimate mail (repeatable)
  --threat DIR            folder of phishing / scam / spam mail (repeatable)
  --generate N            add N generated lure messages as threats (default 0)
  --generate-legitimate N add N generated ordinary messages as legitimate mail (default 0)
  --seed N                seed for splits, shuffling and the generator (default ${DEFAULT_TRAIN_OPTIONS.seed})
  --epochs N              passes over the training data (default ${DEFAULT_TRAIN_OPTIONS.epochs})
  --dimension N           number of hashed weights, a power of two (default ${DEFAULT_DIMENSION})
  --out PATH              where to write PATH.bin and PATH.json (default models/content-v1)
  --cross-validate K      only measure: K-fold cross-validation, nothing is written
  --json                  print the figures as JSON
  -h, --help              this help`;

export async function trainCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(
    args,
    {
      ham: { type: 'string', multiple: true },
      threat: { type: 'string', multiple: true },
      generate: { type: 'string' },
      'generate-legitimate': { type: 'string' },
      seed: { type: 'string' },
      epochs: { type: 'string' },
      dimension: { type: 'string' },
      out: { type: 'string' },
      'cross-validate': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(`${TRAIN_HELP}\n`);
    return 0;
  }
  const ham = values.ham ?? [];
  const threat = values.threat ?? [];
  const generated = integer(values.generate, '--generate', 0);
  const generatedLegitimate = integer(values['generate-legitimate'], '--generate-legitimate', 0);
  if (ham.length === 0 || (threat.length === 0 && generated === 0))
    throw new CliUsageError(`train needs --ham folders and --threat folders or --generate\n\n${TRAIN_HELP}`);
  const seed = integer(values.seed, '--seed', DEFAULT_TRAIN_OPTIONS.seed);
  const epochs = integer(values.epochs, '--epochs', DEFAULT_TRAIN_OPTIONS.epochs);
  const dimension = integer(values.dimension, '--dimension', DEFAULT_DIMENSION);
  if (dimension < 1024 || (dimension & (dimension - 1)) !== 0) throw new CliUsageError('--dimension must be a power of two, at least 1024');
  const folds = values['cross-validate'] ? integer(values['cross-validate'], '--cross-validate', 5) : 0;
  if (values['cross-validate'] && folds < 2) throw new CliUsageError('--cross-validate needs at least 2 folds');

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const data = await loadTrainingData({ ham, threat, generated, generatedLegitimate, seed }, new MessageFeaturizer(), log);
  const options = { seed, epochs, dimension };

  if (folds > 0) {
    const figures = crossValidate(data, folds, options);
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ crossValidation: folds, figures }, null, 2)}\n`
        : formatFigures(`${folds}-fold cross-validation`, figures),
    );
    return 0;
  }
  const trained = trainContentModel(data, options);
  const out = values.out ?? SHIPPED_MODEL;
  const training = {
    seed,
    epochs,
    ham: ham.map(folderName),
    threat: threat.map(folderName),
    generatedLures: generated,
    generatedLegitimate,
    split: trained.split,
    test: trained.test,
  };
  saveModel(out, trained.model, training);
  if (values.json) process.stdout.write(`${JSON.stringify({ out, ...training }, null, 2)}\n`);
  else
    process.stdout.write(
      `${formatFigures('held-out test split', trained.test)}model written to ${relative(process.cwd(), out)}.bin / .json\n`,
    );
  return 0;
}

export function formatFigures(title: string, f: HeldOutFigures): string {
  const lines = [`${title}: ${f.threats} threats, ${f.legitimate} legitimate, AUC ${f.auc}, calibration error ${f.calibrationError}`];
  for (const t of f.thresholds) lines.push(`  p >= ${t.probability}: recall ${pct(t.recall)}, false positives ${pct(t.fpr)}`);
  lines.push('  flagged at p >= 0.5 per source:');
  for (const [source, s] of Object.entries(f.bySource))
    lines.push(`    ${source.padEnd(24)} ${s.flaggedAtHalf}/${s.count} (${pct(s.flaggedAtHalf / s.count)})`);
  return `${lines.join('\n')}\n`;
}

/** Folder names only: the model header must not record paths of the machine it was trained on. */
function folderName(dir: string): string {
  return dir.replace(/\/+$/, '').split('/').pop() ?? dir;
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliUsageError(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return n;
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}
