/**
 * One tenant's learned picture of normal mail: who writes to whom, from where, when, and how.
 *
 * Learning is online (one call per message, `learn`), incremental and bounded: each table has
 * a capacity and drops its least recently seen entry when full, and every profile is made of
 * bounded counters. Nothing is learned from mail judged suspicious or worse (the caller
 * decides; see `detectors/behaviour/learn-after-verdict.ts`); analyst decisions feed back
 * through `learn` (not a threat) and `forget` (confirmed threat).
 *
 * The model also tracks which entries changed since the last `takeChanges()`, so a storage
 * backed store can write only those, in batches.
 */
import type { MessageFacts } from './message-facts.ts';
import {
  type ExternalProfile,
  learnInbound,
  learnSent,
  loadExternal,
  loadUser,
  newExternalProfile,
  newUserProfile,
  type StoredExternal,
  type StoredUser,
  storeExternal,
  storeUser,
  type UserProfile,
} from './profiles.ts';

export interface BehaviourLimits {
  /** External addresses remembered. */
  maxSenders: number;
  /** External registrable domains remembered. */
  maxDomains: number;
  /** Internal mailboxes remembered. */
  maxUsers: number;
  /** Message-IDs remembered for thread checks (about 80 bytes each). */
  maxThreads: number;
  /** Correspondents remembered per internal user. */
  correspondentsPerUser: number;
  /** Messages learned before "never seen before" means anything. */
  warmAfter: number;
}

export const DEFAULT_LIMITS: BehaviourLimits = {
  maxSenders: 250_000,
  maxDomains: 60_000,
  maxUsers: 50_000,
  maxThreads: 400_000,
  correspondentsPerUser: 64,
  warmAfter: 300,
};

/** A domain becomes an established correspondent when the organisation writes to it, or after this many clean messages from it. */
const ESTABLISHED_INBOUND = 5;

export type ProfileKind = 'sender' | 'domain' | 'user' | 'thread' | 'meta';

/** One entry of the model as stored: a profile, a thread's parties, or a counter. */
export interface ProfileEntry {
  kind: ProfileKind;
  key: string;
  data: unknown;
}

/** What changed since the last `takeChanges()`: entries to write, entries to remove. */
export interface ProfileChanges {
  upserts: ProfileEntry[];
  deletes: Array<{ kind: ProfileKind; key: string }>;
}

export interface StoredBehaviour {
  version: 1;
  learned: number;
  senders: Array<[string, StoredExternal]>;
  domains: Array<[string, StoredExternal]>;
  users: Array<[string, StoredUser]>;
  threads: Array<[string, string]>;
}

export class TenantBehaviour {
  readonly limits: BehaviourLimits;
  /** Messages learned so far. */
  learned = 0;
  /** Bumped when an internal user's name table or the set of established domains changes: derived indexes rebuild on it. */
  namesVersion = 0;
  establishedVersion = 0;
  readonly #senders = new Map<string, ExternalProfile>();
  readonly #domains = new Map<string, ExternalProfile>();
  readonly #users = new Map<string, UserProfile>();
  /** Message-ID -> space-separated registrable domains of the external parties on that message. */
  readonly #threads = new Map<string, string>();
  readonly #changed = { sender: new Set<string>(), domain: new Set<string>(), user: new Set<string>(), thread: new Set<string>() };
  readonly #evicted = { sender: new Set<string>(), domain: new Set<string>(), user: new Set<string>(), thread: new Set<string>() };
  /** `learned` as last stored (taken or restored), so an unchanged counter is not written again. */
  #learnedStored = 0;

  constructor(limits: Partial<BehaviourLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Enough history that absence from it is evidence. */
  get warm(): boolean {
    return this.learned >= this.limits.warmAfter;
  }

  sender(address: string): Readonly<ExternalProfile> | undefined {
    return this.#senders.get(address);
  }

  domain(site: string): Readonly<ExternalProfile> | undefined {
    return this.#domains.get(site);
  }

  user(address: string): Readonly<UserProfile> | undefined {
    return this.#users.get(address);
  }

  /** External domains that took part in the message with this id, or undefined if the organisation never saw it. */
  threadParties(messageId: string): string[] | undefined {
    const value = this.#threads.get(messageId);
    return value === undefined ? undefined : value.split(' ').filter(Boolean);
  }

  /** The organisation corresponds with this domain: it wrote to it, or has had steady clean mail from it. */
  isEstablished(site: string): boolean {
    const d = this.#domains.get(site);
    return d !== undefined && isEstablishedProfile(d);
  }

  *establishedDomains(): IterableIterator<string> {
    for (const [site, profile] of this.#domains) if (isEstablishedProfile(profile)) yield site;
  }

  *users(): IterableIterator<[string, Readonly<UserProfile>]> {
    yield* this.#users;
  }

  counts(): { senders: number; domains: number; users: number; threads: number; learned: number } {
    return {
      senders: this.#senders.size,
      domains: this.#domains.size,
      users: this.#users.size,
      threads: this.#threads.size,
      learned: this.learned,
    };
  }

  /** Learns one message judged clean (or released by an analyst). */
  learn(facts: MessageFacts): void {
    this.learned++;
    if (facts.direction === 'inbound') this.#learnInbound(facts);
    else this.#learnFromUser(facts);
    if (facts.messageId) {
      const parties = facts.direction === 'inbound' ? [facts.fromSite] : facts.externalRecipientSites;
      this.#touch(this.#threads, 'thread', facts.messageId, [...new Set(parties)].join(' '), this.limits.maxThreads);
    }
  }

  /**
   * A confirmed threat: the sender's own profile is dropped (a compromised supplier account
   * starts over), and a domain known only through this sender is dropped too.
   */
  forget(facts: MessageFacts): void {
    if (facts.direction !== 'inbound') return;
    if (this.#senders.delete(facts.from)) this.#evicted.sender.add(facts.from);
    const domain = this.#domains.get(facts.fromSite);
    if (domain && domain.outbound === 0 && domain.inbound <= 1) {
      this.#domains.delete(facts.fromSite);
      this.#evicted.domain.add(facts.fromSite);
    }
    if (facts.messageId && this.#threads.delete(facts.messageId)) this.#evicted.thread.add(facts.messageId);
  }

  #learnInbound(facts: MessageFacts): void {
    const sender = this.#external(this.#senders, 'sender', facts.from, facts.at, this.limits.maxSenders);
    learnInbound(sender, facts, true);
    const domain = this.#external(this.#domains, 'domain', facts.fromSite, facts.at, this.limits.maxDomains);
    const wasEstablished = isEstablishedProfile(domain);
    learnInbound(domain, facts, false);
    if (!wasEstablished && isEstablishedProfile(domain)) this.establishedVersion++;
    for (const address of facts.orgRecipients) {
      const user = this.#user(address, facts.at);
      user.received++;
      user.correspondents.add(facts.from);
    }
  }

  #learnFromUser(facts: MessageFacts): void {
    const user = this.#user(facts.from, facts.at);
    const knewName = user.names.has(facts.fromName);
    learnSent(user, facts);
    if (!knewName && facts.fromName) this.namesVersion++;
    for (const address of facts.orgRecipients) {
      if (address === facts.from) continue;
      const colleague = this.#user(address, facts.at);
      colleague.received++;
      colleague.correspondents.add(facts.from);
    }
    for (const [i, address] of facts.externalRecipients.entries()) {
      const site = facts.externalRecipientSites[i];
      const sender = this.#external(this.#senders, 'sender', address, facts.at, this.limits.maxSenders);
      sender.outbound++;
      sender.lastSeen = Math.max(sender.lastSeen, facts.at);
      const domain = this.#external(this.#domains, 'domain', site, facts.at, this.limits.maxDomains);
      const wasEstablished = isEstablishedProfile(domain);
      domain.outbound++;
      domain.lastSeen = Math.max(domain.lastSeen, facts.at);
      if (!wasEstablished) this.establishedVersion++;
    }
  }

  #external(table: Map<string, ExternalProfile>, kind: 'sender' | 'domain', key: string, at: number, max: number): ExternalProfile {
    const profile = table.get(key) ?? newExternalProfile(at);
    this.#touch(table, kind, key, profile, max);
    return profile;
  }

  #user(address: string, at: number): UserProfile {
    const profile = this.#users.get(address) ?? newUserProfile(at, this.limits.correspondentsPerUser);
    this.#touch(this.#users, 'user', address, profile, this.limits.maxUsers);
    return profile;
  }

  /** Moves the entry to the most-recent end (Map order is insertion order) and evicts the oldest when full. */
  #touch<T>(table: Map<string, T>, kind: keyof TenantBehaviour['changes'], key: string, value: T, max: number): void {
    table.delete(key);
    table.set(key, value);
    this.#changed[kind].add(key);
    this.#evicted[kind].delete(key);
    if (table.size > max) {
      const oldest = table.keys().next().value as string;
      table.delete(oldest);
      this.#changed[kind].delete(oldest);
      this.#evicted[kind].add(oldest);
    }
  }

  /** Entries changed and evicted since the last call, for incremental persistence. */
  get changes(): { sender: number; domain: number; user: number; thread: number } {
    return {
      sender: this.#changed.sender.size,
      domain: this.#changed.domain.size,
      user: this.#changed.user.size,
      thread: this.#changed.thread.size,
    };
  }

  takeChanges(): ProfileChanges {
    const upserts: ProfileEntry[] = [];
    for (const key of this.#changed.sender) upserts.push({ kind: 'sender', key, data: storeExternal(this.#senders.get(key)!) });
    for (const key of this.#changed.domain) upserts.push({ kind: 'domain', key, data: storeExternal(this.#domains.get(key)!) });
    for (const key of this.#changed.user) upserts.push({ kind: 'user', key, data: storeUser(this.#users.get(key)!) });
    for (const key of this.#changed.thread) upserts.push({ kind: 'thread', key, data: this.#threads.get(key) });
    if (this.learned !== this.#learnedStored) upserts.push({ kind: 'meta', key: 'learned', data: this.learned });
    this.#learnedStored = this.learned;
    const deletes: ProfileChanges['deletes'] = [];
    for (const kind of ['sender', 'domain', 'user', 'thread'] as const) {
      for (const key of this.#evicted[kind]) deletes.push({ kind, key });
      this.#changed[kind].clear();
      this.#evicted[kind].clear();
    }
    return { upserts, deletes };
  }

  /** Restores one stored entry (loading a tenant from storage), without marking it changed. */
  restore(kind: ProfileKind, key: string, data: unknown): void {
    if (kind === 'sender') this.#senders.set(key, loadExternal(data as StoredExternal));
    else if (kind === 'domain') this.#domains.set(key, loadExternal(data as StoredExternal));
    else if (kind === 'user') this.#users.set(key, loadUser(data as StoredUser, this.limits.correspondentsPerUser));
    else if (kind === 'thread') this.#threads.set(key, String(data));
    else if (kind === 'meta' && key === 'learned') this.learned = this.#learnedStored = Number(data) || 0;
    this.namesVersion++;
    this.establishedVersion++;
  }

  toJSON(): StoredBehaviour {
    return {
      version: 1,
      learned: this.learned,
      senders: [...this.#senders].map(([k, v]) => [k, storeExternal(v)]),
      domains: [...this.#domains].map(([k, v]) => [k, storeExternal(v)]),
      users: [...this.#users].map(([k, v]) => [k, storeUser(v)]),
      threads: [...this.#threads],
    };
  }

  static fromJSON(stored: StoredBehaviour, limits: Partial<BehaviourLimits> = {}): TenantBehaviour {
    const model = new TenantBehaviour(limits);
    model.learned = stored.learned;
    for (const [k, v] of stored.senders) model.restore('sender', k, v);
    for (const [k, v] of stored.domains) model.restore('domain', k, v);
    for (const [k, v] of stored.users) model.restore('user', k, v);
    for (const [k, v] of stored.threads) model.restore('thread', k, v);
    return model;
  }

  /**
   * A model from its stored entries (in any order). Profiles are restored oldest first, so the
   * least recently seen entries are again the first to be evicted.
   */
  static fromEntries(entries: readonly ProfileEntry[], limits: Partial<BehaviourLimits> = {}): TenantBehaviour {
    const model = new TenantBehaviour(limits);
    const lastSeen = (e: ProfileEntry) => Number((e.data as { lastSeen?: number } | null)?.lastSeen ?? 0);
    for (const entry of [...entries].sort((a, b) => lastSeen(a) - lastSeen(b))) model.restore(entry.kind, entry.key, entry.data);
    return model;
  }
}

function isEstablishedProfile(p: ExternalProfile): boolean {
  return p.outbound > 0 || p.inbound - p.bulk >= ESTABLISHED_INBOUND;
}
