import type { SignalGroup, SignalIndication } from './signal.ts';

/** Ordered from harmless to worst; the order is used when comparing classes. */
export const VERDICT_CLASSES = ['clean', 'graymail', 'spam', 'suspicious', 'phish', 'malware'] as const;
export type VerdictClass = (typeof VERDICT_CLASSES)[number];

/** Classes that count as "flagged": the message is acted on (junk, banner, quarantine). */
export function isFlagged(verdict: VerdictClass): boolean {
  return verdict !== 'clean' && verdict !== 'graymail';
}

export function verdictRank(verdict: VerdictClass): number {
  return VERDICT_CLASSES.indexOf(verdict);
}

/** A signal as it appears in a report: the hit, its catalogue entry and what it added to the score. */
export interface ScoredSignal {
  id: string;
  group: SignalGroup;
  indicates: SignalIndication;
  description: string;
  /** The configured weight for this signal. */
  weight: number;
  factor: number;
  /** What it actually added after group caps (weight * factor, possibly reduced). */
  contribution: number;
  evidence: string[];
  /** Detector id that emitted it (or `composite`). */
  detector: string;
}

export interface Verdict {
  class: VerdictClass;
  score: number;
  /** Plain-language reasons, strongest first. */
  reasons: string[];
}
