import type { SignalGroup, SignalIndication } from '../core/signal.ts';
import type { Expression } from './composite-expression.ts';

/** Thresholds on the total score (and on the malware-indicating part of it). */
export interface Thresholds {
  /** Total score from which a message is `suspicious`. */
  suspicious: number;
  /** Total score from which a message is `phish` (or `malware`, see below). */
  phish: number;
  /** Score from malware-indicating signals alone from which a flagged message is `malware`. */
  malware: number;
  /** Score from spam-indicating signals from which an otherwise unflagged message is `spam`. */
  spam: number;
}

export interface CompositeRule {
  id: string;
  expression: Expression;
  source: string;
  weight: number;
  indicates: SignalIndication;
  description: string;
}

/** Scoring as data: loaded from config/defaults/*.yaml, then a local file. */
export interface ScoringConfig {
  thresholds: Thresholds;
  /** Most a group's positive contributions may add up to. Groups not listed are uncapped. */
  groupCaps: Partial<Record<SignalGroup, number>>;
  /** Weight overrides by signal id; the detector's default applies otherwise. */
  weights: Record<string, number>;
  composites: CompositeRule[];
}
