import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { TenantBehaviour } from '../behaviour/tenant-behaviour.ts';
import { errorMessage, MailwardError } from '../core/errors.ts';
import type { DetectorError, MessageSummary, ScanReport } from '../core/report.ts';
import type { SignalDefinition, SignalHit } from '../core/signal.ts';
import { DEFAULT_MIME_LIMITS, type MimeLimits } from '../mime/limits.ts';
import { parseMessage } from '../mime/parse.ts';
import type { ParsedMessage } from '../mime/types.ts';
import { applyComposites, type CatalogedHit, scoreHits } from '../scoring/score.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import type { Detector } from './detector.ts';
import { type DnsResolver, offlineResolver } from './dns.ts';
import { ENGINE_SIGNALS } from './engine-signals.ts';
import { prefilter } from './prefilter.ts';
import { DEFAULT_DETECTOR_TIMEOUT_MS, runDetectors } from './run-detectors.ts';
import { type Envelope, ScanContext, type ScanSettings } from './scan-context.ts';

export const ENGINE_VERSION = '0.1.0';

/** Runs after the verdict (persist, learn, metrics). It sees the final report and cannot change it. */
export type PostHook = (report: Readonly<ScanReport>, ctx: ScanContext | undefined) => void | Promise<void>;

export interface EngineOptions {
  detectors: readonly Detector[];
  scoring: ScoringConfig;
  dns?: DnsResolver;
  clock?: () => Date;
  log?: Logger;
  limits?: MimeLimits;
  detectorTimeoutMs?: number;
  postHooks?: PostHook[];
}

export interface ScanOptions {
  envelope?: Envelope;
  settings?: Partial<ScanSettings>;
  /** The tenant's behaviour model: read by the behaviour detectors, learned into after the verdict. */
  behaviour?: TenantBehaviour;
  /**
   * Whether a clean verdict is learned into `behaviour` (default true). A rescan of a message
   * the model has already seen reads the model without learning the message a second time.
   */
  learn?: boolean;
}

/**
 * The scanning engine: raw bytes in, explainable report out, through explicit stages:
 * parse -> prefilter -> analyze -> correlate -> verdict -> post.
 * A scan never throws for a bad message: unreadable input is reported as unscannable.
 */
export class Engine {
  readonly #options: Required<Omit<EngineOptions, 'postHooks'>> & { postHooks: PostHook[] };
  readonly #analyze: readonly Detector[];
  readonly #correlate: readonly Detector[];

  constructor(options: EngineOptions) {
    this.#options = {
      dns: offlineResolver,
      clock: () => new Date(),
      log: pino({ level: 'silent' }),
      limits: DEFAULT_MIME_LIMITS,
      detectorTimeoutMs: DEFAULT_DETECTOR_TIMEOUT_MS,
      postHooks: [],
      ...options,
    };
    this.#analyze = options.detectors.filter((d) => d.stage === 'analyze');
    this.#correlate = options.detectors.filter((d) => d.stage === 'correlate');
  }

  async scan(raw: Uint8Array, options: ScanOptions = {}): Promise<ScanReport> {
    const started = performance.now();
    const { clock, log, limits, scoring } = this.#options;
    const stages: Record<string, number> = {};
    const lap = (name: string, since: number) => {
      stages[name] = round(performance.now() - since);
      return performance.now();
    };
    const sha256 = createHash('sha256').update(raw).digest('hex');

    let message: ParsedMessage;
    let t = performance.now();
    try {
      message = await parseMessage(raw, limits);
    } catch (error) {
      const report = this.#unscannable(raw, sha256, error, started, clock());
      await this.#post(report, undefined);
      return report;
    }
    t = lap('parse', t);

    const ctx = new ScanContext({
      raw,
      message,
      envelope: options.envelope,
      settings: options.settings,
      behaviour: options.behaviour,
      learn: options.learn,
      dns: this.#options.dns,
      clock,
      log,
    });
    const hits: CatalogedHit[] = prefilter(ctx).map((hit) => engineHit(hit));
    t = lap('prefilter', t);

    const analyzed = await runDetectors(this.#analyze, ctx, this.#options.detectorTimeoutMs);
    hits.push(...analyzed.hits);
    t = lap('analyze', t);

    ctx.analyzeHits = new Map(hits.map((h) => [h.hit.id, h.hit]));
    const correlated = await runDetectors(this.#correlate, ctx, this.#options.detectorTimeoutMs);
    const withComposites = applyComposites([...hits, ...correlated.hits], scoring);
    t = lap('correlate', t);

    const { verdict, signals } = scoreHits(withComposites, scoring);
    t = lap('verdict', t);

    const errors: DetectorError[] = [...analyzed.errors, ...correlated.errors];
    const report: ScanReport = {
      engineVersion: ENGINE_VERSION,
      scannedAt: clock().toISOString(),
      verdict,
      signals,
      errors,
      message: summarise(message, raw.length, sha256),
      timings_ms: { total: 0, parse: stages.parse, stages, detectors: { ...analyzed.timings, ...correlated.timings } },
    };
    report.timings_ms.total = round(performance.now() - started);
    await this.#post(report, ctx);
    lap('post', t);
    return report;
  }

  /** Every signal this engine can report, for documentation and config validation. */
  catalogue(): SignalDefinition[] {
    return engineCatalogue(this.#options.detectors);
  }

  #unscannable(raw: Uint8Array, sha256: string, error: unknown, started: number, now: Date): ScanReport {
    const code = error instanceof MailwardError ? error.code : 'MIME_PARSE_FAILED';
    const reason = errorMessage(error);
    const definition = code === 'MIME_LIMIT_EXCEEDED' ? ENGINE_SIGNALS.limitExceeded : ENGINE_SIGNALS.unparseable;
    const { verdict, signals } = scoreHits([engineHit({ id: definition.id, evidence: [reason] })], this.#options.scoring);
    return {
      engineVersion: ENGINE_VERSION,
      scannedAt: now.toISOString(),
      verdict,
      signals,
      errors: [],
      unscannable: { code, reason },
      message: {
        messageId: '',
        subject: '',
        from: '',
        fromName: '',
        to: [],
        sizeBytes: raw.length,
        sha256,
        attachmentCount: 0,
        linkCount: 0,
      },
      timings_ms: { total: round(performance.now() - started), parse: 0, stages: {}, detectors: {} },
    };
  }

  async #post(report: ScanReport, ctx: ScanContext | undefined): Promise<void> {
    if (this.#options.postHooks.length === 0) return;
    const frozen = structuredClone(report);
    for (const hook of this.#options.postHooks) {
      try {
        await hook(frozen, ctx);
      } catch (error) {
        this.#options.log.error({ err: errorMessage(error) }, 'post-scan hook failed');
      }
    }
  }
}

export function engineCatalogue(detectors: readonly Detector[]): SignalDefinition[] {
  return [...Object.values(ENGINE_SIGNALS), ...detectors.flatMap((d) => d.signals)];
}

function engineHit(hit: SignalHit): CatalogedHit {
  const definition = Object.values(ENGINE_SIGNALS).find((s) => s.id === hit.id);
  if (!definition) throw new Error(`unknown engine signal ${hit.id}`);
  return { hit, definition, detector: 'engine' };
}

function summarise(message: ParsedMessage, size: number, sha256: string): MessageSummary {
  return {
    messageId: message.messageId,
    subject: message.subject,
    from: message.from?.address ?? '',
    fromName: message.from?.name ?? '',
    to: [...message.to, ...message.cc].map((a) => a.address).filter(Boolean),
    date: message.date?.toISOString(),
    sizeBytes: size,
    sha256,
    attachmentCount: message.attachments.length,
    linkCount: message.links.length,
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
