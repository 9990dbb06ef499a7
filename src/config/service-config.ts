import type { VerdictClass } from '../core/verdict.ts';

export type ServiceRole = 'api' | 'worker' | 'ingest' | 'all';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** What the policy does with a verdict class inside Mailward. */
export type PolicyAction = 'quarantine' | 'none';

export interface ServiceConfig {
  /** Embedded database and other local state (`MAILWARD_DATA`). */
  dataDir: string;
  /** PostgreSQL instead of embedded PGlite (`DATABASE_URL`). */
  databaseUrl: string | null;
  /** NATS JetStream instead of the embedded queue (`NATS_URL`). */
  natsUrl: string | null;
  role: ServiceRole;
  api: { host: string; port: number };
  smtp: { host: string; port: number; maxMessageBytes: number };
  worker: { concurrency: number };
  logLevel: LogLevel;
  /** DNS for SPF/DKIM/DMARC: the system resolver, or none (offline). */
  dns: 'system' | 'offline';
  /** Local scoring file layered over config/defaults (weights, thresholds). */
  scoringFile: string | null;
  /** Created on first start with an empty database. */
  defaultTenant: { name: string; domain: string };
  policy: { dryRun: boolean; actions: Record<VerdictClass, PolicyAction> };
  retention: { intervalMinutes: number };
}
