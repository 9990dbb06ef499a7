import type { Logger } from 'pino';
import { loadScoringConfig } from '../config/load-scoring.ts';
import { DETECTORS } from '../detectors/index.ts';
import type { MimeLimits } from '../mime/limits.ts';
import type { DnsResolver } from './dns.ts';
import { Engine, engineCatalogue, type PostHook } from './engine.ts';

export interface CreateEngineOptions {
  /** Local scoring file layered over config/defaults. */
  configFile?: string;
  dns?: DnsResolver;
  clock?: () => Date;
  log?: Logger;
  limits?: MimeLimits;
  detectorTimeoutMs?: number;
  postHooks?: PostHook[];
}

/** The engine with the shipped detectors and the default scoring (plus an optional local file). */
export function createEngine(options: CreateEngineOptions = {}): Engine {
  const scoring = loadScoringConfig(engineCatalogue(DETECTORS), options.configFile);
  return new Engine({ ...options, detectors: DETECTORS, scoring });
}
