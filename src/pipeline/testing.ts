import pino from 'pino';
import type { SignalHit } from '../core/signal.ts';
import { parseMessage } from '../mime/parse.ts';
import type { Detector } from './detector.ts';
import { type DnsResolver, offlineResolver } from './dns.ts';
import { type Envelope, ScanContext, type ScanSettings } from './scan-context.ts';

/**
 * Helpers for detector tests: build a real ScanContext from raw message text (the same parser
 * the engine uses), with a fixed clock and an offline or fixed-zone resolver.
 */
export interface TestContextOptions {
  settings?: Partial<ScanSettings>;
  envelope?: Envelope;
  dns?: DnsResolver;
  now?: Date;
}

export const FIXED_NOW = new Date('2026-11-02T10:00:00Z');

export async function contextFor(raw: string | Uint8Array, options: TestContextOptions = {}): Promise<ScanContext> {
  const bytes = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
  const message = await parseMessage(bytes);
  return new ScanContext({
    raw: bytes,
    message,
    envelope: options.envelope,
    settings: options.settings,
    dns: options.dns ?? offlineResolver,
    clock: () => options.now ?? FIXED_NOW,
    log: pino({ level: 'silent' }),
  });
}

/** Run one detector on a message and return its hits keyed by signal id. */
export async function runDetector(
  detector: Detector,
  raw: string | Uint8Array,
  options: TestContextOptions = {},
): Promise<Map<string, SignalHit>> {
  const ctx = await contextFor(raw, options);
  const hits = await detector.run(ctx, new AbortController().signal);
  return new Map(hits.map((hit) => [hit.id, hit]));
}
