import type { Logger } from 'pino';
import { loadScoringConfig } from '../config/load-scoring.ts';
import type { ServiceConfig } from '../config/service-config.ts';
import { learnAfterVerdict } from '../detectors/behaviour/learn-after-verdict.ts';
import { DETECTORS } from '../detectors/index.ts';
import { type DnsResolver, offlineResolver, systemResolver } from '../pipeline/dns.ts';
import { Engine, engineCatalogue } from '../pipeline/engine.ts';
import type { ScanSettings } from '../pipeline/scan-context.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import type { TenantSettings } from '../storage/tenant-settings.ts';
import type { ServiceDeps } from './deps.ts';

interface Recipe {
  scoring: ScoringConfig;
  dns: DnsResolver;
  clock: () => Date;
  log: Logger;
  /** Engines with a tenant's weight and threshold overrides, by the overrides' JSON. */
  variants: Map<string, Engine>;
}

const recipes = new WeakMap<Engine, Recipe>();
const MAX_VARIANTS = 256;

/**
 * The service's engine: shipped detectors, default scoring plus the configured scoring file. A scan
 * given the tenant's behaviour model learns clean mail into it after the verdict.
 */
export function createServiceEngine(config: Pick<ServiceConfig, 'dns' | 'scoringFile'>, log: Logger, clock: () => Date): Engine {
  const scoring = loadScoringConfig(engineCatalogue(DETECTORS), config.scoringFile ?? undefined);
  const dns = config.dns === 'offline' ? offlineResolver : systemResolver();
  const engine = new Engine({
    detectors: DETECTORS,
    scoring,
    dns,
    clock,
    log: log.child({ component: 'engine' }),
    postHooks: [learnAfterVerdict],
  });
  recipes.set(engine, { scoring, dns, clock, log, variants: new Map() });
  return engine;
}

/**
 * The engine for one tenant: the base engine when the tenant overrides nothing, otherwise one
 * with its weights and thresholds layered on top (built once and kept). An engine not made by
 * `createServiceEngine` (a test's) is used as it is.
 */
export function engineForTenant(base: Engine, settings: TenantSettings, log?: Logger): Engine {
  const hasOverrides = Object.keys(settings.signalWeights).length > 0 || Object.keys(settings.thresholds).length > 0;
  if (!hasOverrides) return base;
  const recipe = recipes.get(base);
  if (!recipe) {
    log?.warn('tenant scoring overrides ignored: engine was not built by createServiceEngine');
    return base;
  }
  const key = JSON.stringify([settings.signalWeights, settings.thresholds]);
  let engine = recipe.variants.get(key);
  if (!engine) {
    const scoring: ScoringConfig = {
      ...recipe.scoring,
      thresholds: { ...recipe.scoring.thresholds, ...settings.thresholds },
      weights: { ...recipe.scoring.weights, ...settings.signalWeights },
    };
    engine = new Engine({
      detectors: DETECTORS,
      scoring,
      dns: recipe.dns,
      clock: recipe.clock,
      log: recipe.log,
      postHooks: [learnAfterVerdict],
    });
    if (recipe.variants.size >= MAX_VARIANTS) recipe.variants.delete(recipe.variants.keys().next().value!);
    recipe.variants.set(key, engine);
  }
  return engine;
}

/** Tenant allow/block lists and domains in the engine's terms. */
export function scanSettingsOf(settings: TenantSettings, tenantDomains: string[]): Partial<ScanSettings> {
  return {
    orgDomains: tenantDomains,
    vipNames: settings.vipNames,
    allowSenders: [...settings.allowList.senders, ...settings.allowList.domains],
    blockSenders: [...settings.blockList.senders, ...settings.blockList.domains],
  };
}

export interface TenantScanSetup {
  engine: Engine;
  settings: Partial<ScanSettings>;
  /** The tenant's scoring overrides, for a scan thread to build the same engine as `engine`. */
  scoring: Pick<TenantSettings, 'signalWeights' | 'thresholds'>;
  /** The tenant's policy choices; `effectivePolicy` layers them over the service's. */
  policy: TenantSettings['policy'];
}

/** How long a tenant's settings are reused before being read again: a settings change applies within this. */
const SETTINGS_TTL_MS = 5_000;
const setups = new WeakMap<object, Map<string, { at: number; setup: TenantScanSetup }>>();

/** Engine and scan settings for a tenant, read from storage at most every few seconds. */
export async function tenantScanSetup(deps: Pick<ServiceDeps, 'repos' | 'engine' | 'log'>, tenantId: string): Promise<TenantScanSetup> {
  let cache = setups.get(deps.repos);
  if (!cache) {
    cache = new Map();
    setups.set(deps.repos, cache);
  }
  const now = Date.now();
  const cached = cache.get(tenantId);
  if (cached && now - cached.at < SETTINGS_TTL_MS) return cached.setup;
  const [settings, tenant, contentModelLayer] = await Promise.all([
    deps.repos.settings.get(tenantId),
    deps.repos.tenants.get(tenantId),
    deps.repos.tenantModel.layer(tenantId),
  ]);
  const setup = {
    engine: engineForTenant(deps.engine, settings, deps.log),
    // The tenant's own content-model layer travels with its settings: it reaches only its own scans
    // (also on the scan threads, where the settings are copied with each message).
    settings: { ...scanSettingsOf(settings, tenant?.domains ?? []), contentModelLayer },
    scoring: { signalWeights: settings.signalWeights, thresholds: settings.thresholds },
    policy: settings.policy,
  };
  cache.set(tenantId, { at: now, setup });
  return setup;
}
