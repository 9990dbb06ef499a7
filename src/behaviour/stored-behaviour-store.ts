/**
 * Tenants' behaviour models kept in storage, one row per entry (`behaviour_profiles`).
 *
 * A model is loaded on first use and learns in memory; what changed (`takeChanges`) is written in
 * batches by `flush`, on a timer and at shutdown, so a busy tenant costs a few statements every
 * few seconds rather than one per message. A model may also live elsewhere (a scan thread): its
 * owner hands the changes over with `record`, and gets the stored entries with `storedEntries`.
 *
 * Per tenant, loading, flushing and resetting run one after the other, so a reset cannot be
 * undone by a flush or a load that started before it.
 */
import type { Logger } from 'pino';
import type { BehaviourStore } from './store.ts';
import { type BehaviourLimits, type ProfileChanges, type ProfileEntry, TenantBehaviour } from './tenant-behaviour.ts';

/** Where the entries live: `BehaviourProfilesRepository` in `src/storage`. */
export interface BehaviourEntries {
  load(tenantId: string): Promise<ProfileEntry[]>;
  write(tenantId: string, changes: ProfileChanges): Promise<void>;
  deleteAll(tenantId: string): Promise<number>;
}

export interface StoredBehaviourOptions {
  limits?: Partial<BehaviourLimits>;
  /** How often changes are written; 0: only on `flush` (tests). */
  flushEveryMs?: number;
  /**
   * Drop an in-memory model this long after it was loaded, so it is read again with what other
   * processes wrote (scale-out: several workers learn for one tenant). Unset: never.
   */
  reloadEveryMs?: number;
  log?: Pick<Logger, 'error'>;
}

export const DEFAULT_FLUSH_EVERY_MS = 5_000;

export class StoredBehaviourStore implements BehaviourStore {
  readonly reloadEveryMs: number | undefined;
  readonly #entries: BehaviourEntries;
  readonly #limits: Partial<BehaviourLimits>;
  readonly #log: Pick<Logger, 'error'> | undefined;
  readonly #models = new Map<string, { model: Promise<TenantBehaviour>; loadedAt: number }>();
  readonly #pending = new Map<string, PendingChanges>();
  readonly #queues = new Map<string, Promise<unknown>>();
  #timer: NodeJS.Timeout | undefined;

  constructor(entries: BehaviourEntries, options: StoredBehaviourOptions = {}) {
    this.#entries = entries;
    this.#limits = options.limits ?? {};
    this.#log = options.log;
    this.reloadEveryMs = options.reloadEveryMs;
    const every = options.flushEveryMs ?? DEFAULT_FLUSH_EVERY_MS;
    if (every > 0) {
      this.#timer = setInterval(() => {
        this.flush().catch((error: unknown) => this.#log?.error({ err: String(error) }, 'behaviour model changes could not be written'));
      }, every);
      this.#timer.unref();
    }
  }

  get limits(): Partial<BehaviourLimits> {
    return this.#limits;
  }

  /** The tenant's model in this thread, loaded from storage on first use. */
  forTenant(tenantId: string): Promise<TenantBehaviour> {
    const held = this.#models.get(tenantId);
    if (held && !this.#stale(held.loadedAt)) return held.model;
    const model = this.#serially(tenantId, async () => {
      if (held) await this.#write(tenantId, await held.model);
      return TenantBehaviour.fromEntries(await this.#entries.load(tenantId), this.#limits);
    });
    const entry = { model, loadedAt: Date.now() };
    this.#models.set(tenantId, entry);
    model.catch(() => {
      if (this.#models.get(tenantId) === entry) this.#models.delete(tenantId);
    });
    return model;
  }

  /** Changes made by a model held elsewhere (a scan thread's); written with the next flush. */
  record(tenantId: string, changes: ProfileChanges): void {
    let pending = this.#pending.get(tenantId);
    if (!pending) {
      pending = new PendingChanges();
      this.#pending.set(tenantId, pending);
    }
    pending.add(changes);
  }

  /** The tenant's stored entries, including every change recorded so far: to load a model elsewhere. */
  storedEntries(tenantId: string): Promise<ProfileEntry[]> {
    return this.#serially(tenantId, async () => {
      await this.#write(tenantId);
      return this.#entries.load(tenantId);
    });
  }

  /** True when a model loaded at `loadedAt` should be read again from storage. */
  isStale(loadedAt: number): boolean {
    return this.#stale(loadedAt);
  }

  async flush(tenantId?: string): Promise<void> {
    const tenants = tenantId ? [tenantId] : [...new Set([...this.#models.keys(), ...this.#pending.keys()])];
    for (const tenant of tenants) {
      const held = this.#models.get(tenant);
      await this.#serially(tenant, async () => this.#write(tenant, held ? await held.model : undefined));
    }
  }

  /**
   * Forgets everything learned for the tenant: the model in memory, unwritten changes and the
   * stored rows. `forgetElsewhere` drops copies held elsewhere (scan threads) first, in the same
   * turn, so none of them writes its old entries back. Returns how many stored entries went.
   */
  reset(tenantId: string, forgetElsewhere?: () => Promise<void>): Promise<number> {
    return this.#serially(tenantId, async () => {
      await forgetElsewhere?.();
      this.#models.delete(tenantId);
      this.#pending.delete(tenantId);
      return this.#entries.deleteAll(tenantId);
    });
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }

  #stale(loadedAt: number): boolean {
    return this.reloadEveryMs !== undefined && Date.now() - loadedAt >= this.reloadEveryMs;
  }

  /** Writes the recorded changes and the model's own; on failure they are kept for the next flush. */
  async #write(tenantId: string, model?: TenantBehaviour): Promise<void> {
    const pending = this.#pending.get(tenantId) ?? new PendingChanges();
    this.#pending.delete(tenantId);
    if (model) pending.add(model.takeChanges());
    if (pending.empty) return;
    try {
      await this.#entries.write(tenantId, pending.changes());
    } catch (error) {
      const newer = this.#pending.get(tenantId);
      if (newer) pending.add(newer.changes());
      this.#pending.set(tenantId, pending);
      throw error;
    }
  }

  #serially<T>(tenantId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(tenantId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.#queues.set(tenantId, next);
    const cleanup = () => {
      if (this.#queues.get(tenantId) === next) this.#queues.delete(tenantId);
    };
    next.then(cleanup, cleanup);
    return next;
  }
}

/** Changes waiting to be written, the latest per entry: a later upsert replaces, a delete cancels it. */
class PendingChanges {
  readonly #upserts = new Map<string, ProfileEntry>();
  readonly #deletes = new Map<string, ProfileChanges['deletes'][number]>();

  get empty(): boolean {
    return this.#upserts.size === 0 && this.#deletes.size === 0;
  }

  add(changes: ProfileChanges): void {
    for (const entry of changes.deletes) {
      const id = `${entry.kind}:${entry.key}`;
      this.#upserts.delete(id);
      this.#deletes.set(id, entry);
    }
    for (const entry of changes.upserts) {
      const id = `${entry.kind}:${entry.key}`;
      this.#deletes.delete(id);
      this.#upserts.set(id, entry);
    }
  }

  changes(): ProfileChanges {
    return { upserts: [...this.#upserts.values()], deletes: [...this.#deletes.values()] };
  }
}
