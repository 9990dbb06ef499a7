import type { SignalDefinition, SignalHit, SignalIndication } from '../core/signal.ts';
import type { ScoredSignal, Verdict, VerdictClass } from '../core/verdict.ts';
import { evaluateExpression, signalsIn } from './composite-expression.ts';
import type { ScoringConfig } from './scoring-config.ts';

/** A hit together with what the catalogue says about it and who emitted it. */
export interface CatalogedHit {
  hit: SignalHit;
  definition: SignalDefinition;
  detector: string;
}

export interface ScoreResult {
  verdict: Verdict;
  signals: ScoredSignal[];
}

/** Composite rules fire on the signals present (in file order, so a composite may use an earlier one). */
export function applyComposites(hits: CatalogedHit[], config: ScoringConfig): CatalogedHit[] {
  const present = new Set(hits.map((h) => h.hit.id));
  const out = [...hits];
  for (const rule of config.composites) {
    if (present.has(rule.id)) continue;
    if (!evaluateExpression(rule.expression, (id) => present.has(id))) continue;
    present.add(rule.id);
    out.push({
      hit: {
        id: rule.id,
        evidence: [
          signalsIn(rule.expression)
            .filter((id) => present.has(id))
            .join(' + '),
        ],
      },
      definition: { id: rule.id, group: 'composite', weight: rule.weight, indicates: rule.indicates, description: rule.description },
      detector: 'composite',
    });
  }
  return out;
}

/** Weights and group caps turn hits into contributions; thresholds turn the total into a class. */
export function scoreHits(hits: CatalogedHit[], config: ScoringConfig): ScoreResult {
  const signals: ScoredSignal[] = hits.map(({ hit, definition, detector }) => {
    const weight = config.weights[hit.id] ?? definition.weight;
    const factor = clamp(hit.factor ?? 1, 0, 1);
    return {
      id: hit.id,
      group: definition.group,
      indicates: definition.indicates,
      description: definition.description,
      weight,
      factor,
      contribution: weight * factor,
      evidence: hit.evidence,
      detector,
    };
  });

  applyGroupCaps(signals, config);
  for (const s of signals) s.contribution = round(s.contribution);
  signals.sort((a, b) => b.contribution - a.contribution || a.id.localeCompare(b.id));

  const score = round(signals.reduce((sum, s) => sum + s.contribution, 0));
  const verdictClass = classify(score, signals, config);
  return { verdict: { class: verdictClass, score, reasons: reasonsFor(signals) }, signals };
}

/** A group's positive contributions are scaled down together when they exceed its cap. */
function applyGroupCaps(signals: ScoredSignal[], config: ScoringConfig): void {
  const positiveByGroup = new Map<string, number>();
  for (const s of signals) {
    if (s.contribution > 0) positiveByGroup.set(s.group, (positiveByGroup.get(s.group) ?? 0) + s.contribution);
  }
  for (const [group, total] of positiveByGroup) {
    const cap = config.groupCaps[group as keyof ScoringConfig['groupCaps']];
    if (cap === undefined || total <= cap) continue;
    const scale = cap / total;
    for (const s of signals) if (s.group === group && s.contribution > 0) s.contribution *= scale;
  }
}

function classify(score: number, signals: ScoredSignal[], config: ScoringConfig): VerdictClass {
  const { thresholds } = config;
  const by = (indication: SignalIndication) =>
    signals.filter((s) => s.indicates === indication && s.contribution > 0).reduce((sum, s) => sum + s.contribution, 0);
  const malware = by('malware');
  const spam = by('spam');
  const positive = signals.filter((s) => s.contribution > 0).reduce((sum, s) => sum + s.contribution, 0);

  if (score >= thresholds.suspicious && malware >= thresholds.malware) return 'malware';
  if (score >= thresholds.phish) return spam > positive / 2 ? 'spam' : 'phish';
  if (score >= thresholds.suspicious) return spam > positive / 2 ? 'spam' : 'suspicious';
  if (spam >= thresholds.spam) return 'spam';
  if (signals.some((s) => s.indicates === 'graymail')) return 'graymail';
  return 'clean';
}

/** What the analyst reads first: the signals that pushed the score up, in words, with evidence. */
function reasonsFor(signals: ScoredSignal[]): string[] {
  return signals
    .filter((s) => s.contribution > 0)
    .slice(0, 8)
    .map((s) => (s.evidence.length > 0 ? `${s.description} (${s.evidence.slice(0, 2).join('; ')})` : s.description));
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : max;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
