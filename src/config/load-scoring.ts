import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { errorMessage, MailwardError } from '../core/errors.ts';
import { SIGNAL_GROUPS, type SignalDefinition, type SignalIndication } from '../core/signal.ts';
import { parseExpression, signalsIn } from '../scoring/composite-expression.ts';
import type { CompositeRule, ScoringConfig, Thresholds } from '../scoring/scoring-config.ts';

export const DEFAULTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../config/defaults');

const INDICATIONS: SignalIndication[] = ['phish', 'malware', 'spam', 'graymail', 'none'];

/**
 * Scoring configuration: every `config/defaults/*.yaml` in name order, then an optional local
 * file on top. Anything wrong (unknown signal, bad number, broken expression) refuses to load,
 * naming the file and key, because a silently ignored weight is worse than no start.
 */
export function loadScoringConfig(catalogue: readonly SignalDefinition[], localFile?: string): ScoringConfig {
  const files = readdirSync(DEFAULTS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(DEFAULTS_DIR, f));
  if (localFile) {
    if (!existsSync(localFile)) throw new MailwardError('CONFIG_INVALID', `config file not found: ${localFile}`);
    files.push(localFile);
  }
  const config: ScoringConfig = {
    thresholds: { suspicious: 5, phish: 9, malware: 8, spam: 5 },
    groupCaps: {},
    weights: {},
    composites: [],
  };
  const known = new Set(catalogue.map((s) => s.id));
  for (const file of files) mergeFile(config, file, known);
  return config;
}

function mergeFile(config: ScoringConfig, file: string, known: Set<string>): void {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MailwardError('CONFIG_INVALID', `${file}: not valid YAML: ${errorMessage(error)}`);
  }
  if (data === null || data === undefined) return;
  const doc = asRecord(data, file);
  const where = (key: string) => `${file}: ${key}`;

  if (doc.thresholds !== undefined) {
    for (const [key, value] of Object.entries(asRecord(doc.thresholds, where('thresholds')))) {
      if (!(key in config.thresholds)) throw invalid(where(`thresholds.${key}`), 'unknown threshold (suspicious, phish, malware, spam)');
      config.thresholds[key as keyof Thresholds] = asNumber(value, where(`thresholds.${key}`));
    }
  }
  if (doc.group_caps !== undefined) {
    for (const [group, value] of Object.entries(asRecord(doc.group_caps, where('group_caps')))) {
      if (!(SIGNAL_GROUPS as readonly string[]).includes(group)) throw invalid(where(`group_caps.${group}`), 'unknown signal group');
      config.groupCaps[group as keyof ScoringConfig['groupCaps']] = asNumber(value, where(`group_caps.${group}`));
    }
  }
  // Composites first, so weights in the same file may tune them.
  if (doc.composites !== undefined) {
    if (!Array.isArray(doc.composites)) throw invalid(where('composites'), 'must be a list');
    for (const [index, entry] of doc.composites.entries()) {
      const rule = compositeFrom(asRecord(entry, where(`composites[${index}]`)), where(`composites[${index}]`), known);
      config.composites = config.composites.filter((c) => c.id !== rule.id).concat(rule);
      known.add(rule.id);
    }
  }
  if (doc.weights !== undefined) {
    for (const [id, value] of Object.entries(asRecord(doc.weights, where('weights')))) {
      if (!known.has(id)) throw invalid(where(`weights.${id}`), 'unknown signal (see docs/signals.md)');
      // `ID: 3` or `ID: { weight: 3, reason: "why" }`: the reason is for reviewers and is required in defaults.
      const weight = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).weight : value;
      config.weights[id] = asNumber(weight, where(`weights.${id}`));
    }
  }
  const unknownKeys = Object.keys(doc).filter((k) => !['thresholds', 'group_caps', 'weights', 'composites'].includes(k));
  if (unknownKeys.length > 0) throw invalid(file, `unknown key(s): ${unknownKeys.join(', ')}`);
}

function compositeFrom(entry: Record<string, unknown>, where: string, known: Set<string>): CompositeRule {
  const id = String(entry.id ?? '');
  if (!/^[A-Z][A-Z0-9_]+$/.test(id)) throw invalid(`${where}.id`, 'must be SCREAMING_SNAKE');
  const source = String(entry.expression ?? '');
  const expression = parseExpression(source);
  for (const ref of signalsIn(expression)) {
    if (!known.has(ref)) throw invalid(`${where}.expression`, `unknown signal ${ref}`);
  }
  const indicates = String(entry.indicates ?? 'phish') as SignalIndication;
  if (!INDICATIONS.includes(indicates)) throw invalid(`${where}.indicates`, `must be one of ${INDICATIONS.join(', ')}`);
  const description = String(entry.description ?? '');
  if (!description) throw invalid(`${where}.description`, 'is required: analysts read it');
  return { id, expression, source, weight: asNumber(entry.weight, `${where}.weight`), indicates, description };
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(where, 'must be a mapping');
  return value as Record<string, unknown>;
}

function asNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(where, `must be a number, got ${JSON.stringify(value)}`);
  return value;
}

function invalid(where: string, message: string): MailwardError {
  return new MailwardError('CONFIG_INVALID', `${where}: ${message}`);
}
