/**
 * Where tenants' behaviour models live between scans. The scan path asks for a tenant's model
 * (`forTenant`), the engine's detectors read it and the post-verdict hook learns into it; the
 * store decides when to persist (`flush`). One writer per tenant at a time is the queue's job
 * (work is partitioned by tenant), not the store's.
 */
import { type BehaviourLimits, TenantBehaviour } from './tenant-behaviour.ts';

export interface BehaviourStore {
  forTenant(tenantId: string): Promise<TenantBehaviour>;
  /** Persists what changed since the last flush (a no-op for memory-only stores). */
  flush(tenantId?: string): Promise<void>;
  /** Forgets everything learned for the tenant; stores that persist say how many stored entries went. */
  reset(tenantId: string): Promise<number | undefined>;
}

/** Models kept in process memory only: evaluation, tests, and single-run tools. */
export class MemoryBehaviourStore implements BehaviourStore {
  readonly #models = new Map<string, TenantBehaviour>();
  readonly #limits: Partial<BehaviourLimits>;

  constructor(limits: Partial<BehaviourLimits> = {}) {
    this.#limits = limits;
  }

  async forTenant(tenantId: string): Promise<TenantBehaviour> {
    let model = this.#models.get(tenantId);
    if (!model) {
      model = new TenantBehaviour(this.#limits);
      this.#models.set(tenantId, model);
    }
    return model;
  }

  async flush(): Promise<void> {}

  async reset(tenantId: string): Promise<undefined> {
    this.#models.delete(tenantId);
    return undefined;
  }
}
