import type { Logger } from 'pino';
import { type StoredBehaviourOptions, StoredBehaviourStore } from '../behaviour/stored-behaviour-store.ts';
import type { TenantBehaviour } from '../behaviour/tenant-behaviour.ts';
import { errorMessage } from '../core/errors.ts';
import type { Repositories } from '../storage/repositories.ts';
import { feedbackEngine } from './behaviour-feedback.ts';
import type { BehaviourDecision, ScanPool } from './scan-pool.ts';

/** How long a process keeps a tenant's model before reading it again, when other processes may learn for the same tenant. */
export const SCALE_OUT_RELOAD_MS = 5 * 60_000;

/**
 * The tenants' behaviour models in the running service, stored through `behaviour_profiles`.
 *
 * Where a model lives follows where scans run: with scan threads (`ScanPool`) each tenant's model
 * is held by the one thread the tenant is pinned to, and this thread only writes the changes the
 * threads send back; without them (`worker.scan_threads: 0`, the API-only role, tests) the models
 * are held here. Either way one place learns for a tenant in this process, and feedback and
 * resets go to that place.
 */
export class ServiceBehaviour {
  readonly store: StoredBehaviourStore;
  #pool: ScanPool | undefined;
  readonly #log: Logger;
  readonly #tenants: Repositories['tenants'];

  constructor(
    repos: Pick<Repositories, 'behaviourProfiles' | 'tenants'>,
    log: Logger,
    options: Pick<StoredBehaviourOptions, 'reloadEveryMs' | 'flushEveryMs' | 'limits'> = {},
  ) {
    this.#log = log.child({ component: 'behaviour' });
    this.#tenants = repos.tenants;
    this.store = new StoredBehaviourStore(repos.behaviourProfiles, { ...options, log: this.#log });
  }

  /** From now on the pool's threads hold the models (its `ThreadBehaviourSync` is `store`). */
  useScanPool(pool: ScanPool): void {
    this.#pool = pool;
  }

  /** The model for a scan in this thread; undefined when the scan threads hold the models. */
  async forScanHere(tenantId: string): Promise<TenantBehaviour | undefined> {
    return this.#pool ? undefined : this.store.forTenant(tenantId);
  }

  /**
   * An analyst's decision or a user's report about one message: not a threat is learned as normal
   * mail, a threat makes the model forget its sender. The message is read with the tenant's
   * domains (which side is inside decides what is learned). A failure is logged: the decision stands.
   */
  async teach(tenantId: string, raw: Uint8Array, decision: BehaviourDecision): Promise<void> {
    const envelope = { rcptTo: [] };
    try {
      const settings = { orgDomains: (await this.#tenants.get(tenantId))?.domains ?? [] };
      if (this.#pool) await this.#pool.teach({ tenantId, raw, envelope, settings, decision });
      else await feedbackEngine(decision).scan(raw, { envelope, settings, behaviour: await this.store.forTenant(tenantId) });
    } catch (error) {
      this.#log.error({ tenantId, decision, err: errorMessage(error) }, 'behaviour model could not learn from a decision');
    }
  }

  /** Forgets everything learned for the tenant, in the threads, in memory and in storage. */
  reset(tenantId: string): Promise<number> {
    const pool = this.#pool;
    return this.store.reset(tenantId, pool ? () => pool.forget(tenantId) : undefined);
  }

  /** Writes what is left; call after the scans have stopped. */
  close(): Promise<void> {
    return this.store.close();
  }
}
