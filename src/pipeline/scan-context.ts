import type { Logger } from 'pino';
import type { TenantBehaviour } from '../behaviour/tenant-behaviour.ts';
import type { SignalHit } from '../core/signal.ts';
import type { ParsedMessage } from '../mime/types.ts';
import type { DnsResolver } from './dns.ts';

/** SMTP envelope facts, when the message came with them (journal, SMTP ingest). */
export interface Envelope {
  mailFrom?: string;
  rcptTo: string[];
  /** The connecting client's IP as seen by the receiving server. */
  clientIp?: string;
  helo?: string;
}

/** Per-tenant facts the detectors need. Everything has a safe empty default. */
export interface ScanSettings {
  /** Domains of the protected organisation (the recipients' side). Empty: inferred from recipients. */
  orgDomains: string[];
  /**
   * authserv-ids (e.g. `mx.google.com`, `*.prod.outlook.com`) whose Authentication-Results headers
   * are trusted: only the receiving provider's own stamp counts, never one the sender wrote.
   * A leading `*.` matches any subdomain.
   */
  trustedAuthservIds: string[];
  /** Display names of people whose impersonation matters most (executives, finance). */
  vipNames: string[];
  /** Senders always trusted: `user@domain`, `domain` (and its subdomains). */
  allowSenders: string[];
  /** Senders always flagged, same forms as `allowSenders`. */
  blockSenders: string[];
  /** The tenant's own layer over the shared content model, learned from its analysts and users. */
  contentModelLayer?: TenantModelLayer;
}

/**
 * A tenant's learned adjustments to the shared content model: hashed feature index -> weight,
 * added to the model's log-odds for that tenant's mail only.
 */
export interface TenantModelLayer {
  readonly weights: ReadonlyMap<number, number>;
  /** How many decisions and reports it has learned from. */
  readonly updates: number;
}

export const EMPTY_SETTINGS: ScanSettings = { orgDomains: [], trustedAuthservIds: [], vipNames: [], allowSenders: [], blockSenders: [] };

/**
 * Everything a detector may look at for one message. Derived features are computed on first
 * use and cached (`feature`), so detectors share work without knowing about each other.
 */
export class ScanContext {
  readonly raw: Uint8Array;
  readonly message: ParsedMessage;
  readonly envelope: Envelope;
  readonly settings: ScanSettings;
  readonly dns: DnsResolver;
  readonly clock: () => Date;
  readonly log: Logger;
  /** The tenant's learned behaviour model, when the caller keeps one (behaviour detectors read it, the post hook learns). */
  readonly behaviour: TenantBehaviour | undefined;
  /** Whether the post hook may learn this message into `behaviour` (false for a rescan). */
  readonly learn: boolean;
  /** Signals from the analyze stage, available to correlate-stage detectors. */
  analyzeHits: ReadonlyMap<string, SignalHit> = new Map();
  readonly #features = new Map<string, unknown>();

  constructor(init: {
    raw: Uint8Array;
    message: ParsedMessage;
    envelope?: Envelope;
    settings?: Partial<ScanSettings>;
    dns: DnsResolver;
    clock: () => Date;
    log: Logger;
    behaviour?: TenantBehaviour;
    learn?: boolean;
  }) {
    this.raw = init.raw;
    this.message = init.message;
    this.envelope = init.envelope ?? { rcptTo: [] };
    this.settings = { ...EMPTY_SETTINGS, ...init.settings };
    this.dns = init.dns;
    this.clock = init.clock;
    this.log = init.log;
    this.behaviour = init.behaviour;
    this.learn = init.learn ?? true;
  }

  /** Compute once per message, then share: `ctx.feature('links.hosts', () => ...)`. Promises are cached too. */
  feature<T>(key: string, compute: (ctx: ScanContext) => T): T {
    if (this.#features.has(key)) return this.#features.get(key) as T;
    const value = compute(this);
    this.#features.set(key, value);
    return value;
  }

  /**
   * The protected organisation's domains: the configured ones, else the recipients' domains
   * (envelope first, then To/Cc), which is what an ICES sees for a delivered message.
   */
  orgDomains(): string[] {
    return this.feature('orgDomains', () => {
      if (this.settings.orgDomains.length > 0) return this.settings.orgDomains.map((d) => d.toLowerCase());
      const fromEnvelope = this.envelope.rcptTo.map((a) => a.split('@').pop()?.toLowerCase() ?? '');
      const fromHeaders = [...this.message.to, ...this.message.cc].map((a) => a.domain);
      const source = fromEnvelope.some(Boolean) ? fromEnvelope : fromHeaders;
      return [...new Set(source.filter(Boolean))];
    });
  }
}
