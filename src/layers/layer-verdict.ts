import type { VerdictClass } from '../core/verdict.ts';

/**
 * Where a verdict other than Mailward's came from: the mail provider's own filter, an on-premise
 * gateway in front of it, another security vendor, or a person who reported the message.
 */
export type LayerKind = 'provider' | 'gateway' | 'vendor' | 'user-report';

export const LAYER_KINDS: readonly LayerKind[] = ['provider', 'gateway', 'vendor', 'user-report'];

/** One layer's opinion of one message, in Mailward's verdict classes so layers compare side by side. */
export interface LayerVerdict {
  /** Stable name: `microsoft-365`, `google`, `spamassassin`, `rspamd`, or the vendor's name. */
  layer: string;
  kind: LayerKind;
  verdict: VerdictClass;
  /** The layer acted on it (junk, quarantine, reject) or called it a threat. */
  caught: boolean;
  /** The layer's own score where it has one (SCL, SpamAssassin score, ...), in its own scale. */
  score: number | null;
  /** What the layer said, field by field, plus `summary`: one sentence in plain words. */
  details: Record<string, unknown> & { summary: string };
}
