import type { ScoredSignal, Verdict } from './verdict.ts';

/** A detector that could not finish: recorded, never fatal to the scan. */
export interface DetectorError {
  detector: string;
  /** `temperror`: may succeed on retry (timeout, DNS); `permerror`: a bug or bad settings. */
  kind: 'temperror' | 'permerror';
  message: string;
}

/** Short facts about the scanned message for lists and search, without its body. */
export interface MessageSummary {
  messageId: string;
  subject: string;
  from: string;
  fromName: string;
  to: string[];
  date?: string;
  sizeBytes: number;
  sha256: string;
  attachmentCount: number;
  linkCount: number;
}

/** Everything one scan produced. Stored as the scan report and printed by `mailward scan --json`. */
export interface ScanReport {
  engineVersion: string;
  scannedAt: string;
  verdict: Verdict;
  signals: ScoredSignal[];
  errors: DetectorError[];
  /** Set when the message could not be read: it is still reported, with the reason. */
  unscannable?: { code: string; reason: string };
  message: MessageSummary;
  timings_ms: { total: number; parse: number; stages: Record<string, number>; detectors: Record<string, number> };
}
