/**
 * Signals are the facts detectors record about a message. A detector says *what* it saw
 * (id, factor, evidence); how much that matters is decided later by scoring, from data.
 */

/** Groups let scoring cap how much one kind of evidence can add up to. */
export const SIGNAL_GROUPS = [
  'auth',
  'sender',
  'links',
  'attachments',
  'language',
  'prompt_injection',
  'mime',
  'bulk',
  'policy',
  'composite',
  'behaviour',
  'model',
] as const;
export type SignalGroup = (typeof SIGNAL_GROUPS)[number];

/**
 * What kind of threat a signal points to. Scoring uses it to choose between
 * phish, malware and spam once the score is high enough; `none` is for signals that
 * describe a message without pointing anywhere (e.g. AUTH_DMARC_PASS).
 */
export type SignalIndication = 'phish' | 'malware' | 'spam' | 'graymail' | 'none';

/** The catalogue entry for a signal: declared once by the detector that emits it. */
export interface SignalDefinition {
  /** SCREAMING_SNAKE with a group prefix, e.g. `URL_IP_HOST`. Stable: rules and configs refer to it. */
  id: string;
  group: SignalGroup;
  /** Default weight; config/defaults/*.yaml and local config may override it. May be negative. */
  weight: number;
  indicates: SignalIndication;
  /** One sentence an analyst understands: what the signal means, not how it is computed. */
  description: string;
}

/** One signal as emitted by a detector for one message. */
export interface SignalHit {
  id: string;
  /** Strength 0..1 (default 1): scales the weight, e.g. 0.5 for a weaker variant. */
  factor?: number;
  /** Short, concrete facts behind the signal (a domain, a file name, a header value). Never a whole body. */
  evidence: string[];
}

/** Evidence strings are shown in reports and logs: keep them short and single-line. */
export function clipEvidence(value: string, max = 160): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
