import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { type BehaviourLimits, DEFAULT_LIMITS } from '../behaviour/tenant-behaviour.ts';
import { errorMessage, MailwardError } from '../core/errors.ts';
import { VERDICT_CLASSES, type VerdictClass } from '../core/verdict.ts';

/** The behaviour model's limits as settings, each with the range that keeps a tenant's model sane. */
const BEHAVIOUR_LIMIT_RANGES: Record<keyof BehaviourLimits, [number, number]> = {
  maxSenders: [1_000, 10_000_000],
  maxDomains: [1_000, 10_000_000],
  maxUsers: [10, 1_000_000],
  maxThreads: [1_000, 50_000_000],
  correspondentsPerUser: [8, 1_024],
  warmAfter: [0, 1_000_000],
};
const BEHAVIOUR_LIMIT_KEYS = Object.keys(BEHAVIOUR_LIMIT_RANGES) as (keyof BehaviourLimits)[];

/**
 * The service's configuration: defaults, then a YAML file (`--config` or `MAILWARD_CONFIG`), then
 * the environment (`MAILWARD_*`, `DATABASE_URL`, `NATS_URL`), then command-line flags. Checked
 * once at start-up: every problem is listed, one line each, and the service does not start.
 */

export type ServiceRole = 'api' | 'worker' | 'ingest' | 'all';
export const SERVICE_ROLES: readonly ServiceRole[] = ['api', 'worker', 'ingest', 'all'];
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** What the policy does with a verdict class inside Mailward. */
export type PolicyAction = 'quarantine' | 'junk' | 'banner' | 'none';
export const POLICY_ACTIONS: readonly PolicyAction[] = ['quarantine', 'junk', 'banner', 'none'];

export interface ServiceConfig {
  /** Embedded database and other local state (`MAILWARD_DATA`), an absolute path. */
  dataDir: string;
  /** PostgreSQL instead of embedded PGlite (`DATABASE_URL`). */
  databaseUrl: string | null;
  /** NATS JetStream instead of the embedded queue (`NATS_URL`). */
  natsUrl: string | null;
  /** JetStream stream and subject prefix of the jobs (one pair per deployment; tests use their own). */
  natsStream: string;
  natsSubjectPrefix: string;
  role: ServiceRole;
  api: { host: string; port: number };
  smtp: { host: string; port: number; maxMessageBytes: number };
  /**
   * Jobs at once per worker process; how long a job stays leased to a worker that stopped
   * answering; threads that run the scans (0: in the worker's own thread).
   */
  worker: { concurrency: number; leaseSeconds: number; scanThreads: number };
  logLevel: LogLevel;
  /** DNS for SPF/DKIM/DMARC: the system resolver, or none (offline). */
  dns: 'system' | 'offline';
  /** Local scoring file layered over config/defaults (weights, thresholds). */
  scoringFile: string | null;
  /** Created on first start with an empty database. */
  defaultTenant: { name: string; domain: string };
  /** Verdict class -> action; `dryRun` records what would have been done and does nothing. */
  policy: { dryRun: boolean; actions: Record<VerdictClass, PolicyAction> };
  /** How often the retention purge runs (it also runs at start). */
  retention: { intervalMinutes: number };
  /**
   * The report mailbox: users forward suspicious mail as an attachment to `address` (received by
   * the SMTP journal listener); answers go out through `relayUrl` (`smtp://host:port`) from `from`.
   */
  reports: { address: string | null; relayUrl: string | null; from: string | null };
  /**
   * The behaviour model's size per tenant (what it remembers, so its memory is bounded) and how
   * many messages it learns before "never seen before" means anything.
   */
  behaviour: BehaviourLimits;
}

/**
 * Defaults. Policy: phish and malware are quarantined (high precision classes). Suspicious and
 * spam are recorded and listed but left in the mailbox: suspicious is where the false positives
 * live, and moving mail a person expects is worse than flagging it for an analyst. Set
 * `policy.actions.suspicious: quarantine` for a stricter stance.
 */
export function defaultServiceConfig(cwd = process.cwd()): ServiceConfig {
  return {
    dataDir: resolve(cwd, 'data'),
    databaseUrl: null,
    natsUrl: null,
    natsStream: 'MAILWARD_JOBS',
    natsSubjectPrefix: 'mailward',
    role: 'all',
    api: { host: '127.0.0.1', port: 8025 },
    smtp: { host: '127.0.0.1', port: 2525, maxMessageBytes: 25 * 1024 * 1024 },
    worker: { concurrency: 8, leaseSeconds: 30, scanThreads: Math.min(availableParallelism(), 8) },
    logLevel: 'info',
    dns: 'system',
    scoringFile: null,
    defaultTenant: { name: 'Default', domain: 'example.com' },
    policy: {
      dryRun: false,
      actions: { clean: 'none', graymail: 'none', spam: 'none', suspicious: 'none', phish: 'quarantine', malware: 'quarantine' },
    },
    retention: { intervalMinutes: 60 },
    reports: { address: null, relayUrl: null, from: null },
    behaviour: { ...DEFAULT_LIMITS },
  };
}

export interface LoadServiceConfigOptions {
  /** `--config FILE`; falls back to `MAILWARD_CONFIG`. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Command-line flags, applied last (same shape as the file, snake_case keys). */
  overrides?: Record<string, unknown>;
}

export interface LoadedServiceConfig {
  config: ServiceConfig;
  /** The config file that was read, if any. */
  file: string | null;
}

/** Where each key comes from: the file's snake_case path and the environment variable. */
const KEYS: Array<{
  path: string;
  env?: string[];
  kind: 'string' | 'name' | 'port' | 'int' | 'bool' | 'url' | 'path' | 'enum';
  values?: readonly string[];
  /** Accepts `~` (null): "none", as `mailward config` prints an unset optional setting. */
  nullable?: boolean;
}> = [
  { path: 'data_dir', env: ['MAILWARD_DATA'], kind: 'path' },
  { path: 'database_url', env: ['DATABASE_URL', 'MAILWARD_DATABASE_URL'], kind: 'url' },
  { path: 'nats_url', env: ['NATS_URL', 'MAILWARD_NATS_URL'], kind: 'url' },
  { path: 'nats_stream', env: ['MAILWARD_NATS_STREAM'], kind: 'name' },
  { path: 'nats_subject_prefix', env: ['MAILWARD_NATS_SUBJECT_PREFIX'], kind: 'name' },
  { path: 'role', env: ['MAILWARD_ROLE'], kind: 'enum', values: SERVICE_ROLES },
  { path: 'api.host', env: ['MAILWARD_API_HOST'], kind: 'string' },
  { path: 'api.port', env: ['MAILWARD_API_PORT'], kind: 'port' },
  { path: 'smtp.host', env: ['MAILWARD_SMTP_HOST'], kind: 'string' },
  { path: 'smtp.port', env: ['MAILWARD_SMTP_PORT'], kind: 'port' },
  { path: 'smtp.max_message_bytes', env: ['MAILWARD_SMTP_MAX_MESSAGE_BYTES'], kind: 'int' },
  { path: 'worker.concurrency', env: ['MAILWARD_WORKER_CONCURRENCY'], kind: 'int' },
  { path: 'worker.lease_seconds', env: ['MAILWARD_WORKER_LEASE_SECONDS'], kind: 'int' },
  { path: 'worker.scan_threads', env: ['MAILWARD_WORKER_SCAN_THREADS'], kind: 'int' },
  { path: 'log_level', env: ['MAILWARD_LOG_LEVEL'], kind: 'enum', values: LOG_LEVELS },
  { path: 'dns', env: ['MAILWARD_DNS'], kind: 'enum', values: ['system', 'offline'] },
  { path: 'scoring_file', env: ['MAILWARD_SCORING_FILE'], kind: 'path', nullable: true },
  { path: 'default_tenant.name', env: ['MAILWARD_TENANT_NAME'], kind: 'string' },
  { path: 'default_tenant.domain', env: ['MAILWARD_TENANT_DOMAIN'], kind: 'string' },
  { path: 'policy.dry_run', env: ['MAILWARD_POLICY_DRY_RUN'], kind: 'bool' },
  ...VERDICT_CLASSES.map((verdict) => ({
    path: `policy.actions.${verdict}`,
    env: [`MAILWARD_POLICY_${verdict.toUpperCase()}`],
    kind: 'enum' as const,
    values: POLICY_ACTIONS,
  })),
  { path: 'retention.interval_minutes', env: ['MAILWARD_RETENTION_INTERVAL_MINUTES'], kind: 'int' },
  { path: 'reports.address', env: ['MAILWARD_REPORT_ADDRESS'], kind: 'string', nullable: true },
  { path: 'reports.relay_url', env: ['MAILWARD_REPORT_RELAY_URL'], kind: 'url' },
  { path: 'reports.from', env: ['MAILWARD_REPORT_FROM'], kind: 'string', nullable: true },
  ...BEHAVIOUR_LIMIT_KEYS.map((name) => ({
    path: `behaviour.${snake(name)}`,
    env: [`MAILWARD_BEHAVIOUR_${snake(name).toUpperCase()}`],
    kind: 'int' as const,
  })),
];

function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Reads and checks the configuration; throws one CONFIG_INVALID error listing every problem. */
export function loadServiceConfig(options: LoadServiceConfigOptions = {}): LoadedServiceConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const config = defaultServiceConfig(cwd);
  const problems: string[] = [];
  const fileName = options.file ?? (env.MAILWARD_CONFIG || undefined);
  const file = fileName ? resolve(cwd, fileName) : null;

  if (file) {
    const doc = readConfigFile(file, problems);
    if (doc) {
      for (const unknown of unknownPaths(doc, '')) problems.push(`${file}: unknown key ${unknown}`);
      for (const key of KEYS) {
        const value = getPath(doc, key.path);
        if (value !== undefined) apply(config, key, value, `${file}: ${key.path}`, problems, cwd);
      }
    }
  }
  for (const key of KEYS) {
    for (const name of key.env ?? []) {
      const value = env[name];
      if (value !== undefined && value !== '') {
        apply(config, key, value, `environment ${name}`, problems, cwd);
        break;
      }
    }
  }
  for (const [path, value] of Object.entries(options.overrides ?? {})) {
    const key = KEYS.find((k) => k.path === path);
    if (!key) problems.push(`option ${path}: unknown setting`);
    else if (value !== undefined) apply(config, key, value, `option --${path.replace(/[._]/g, '-')}`, problems, cwd);
  }

  if (config.worker.concurrency < 1 || config.worker.concurrency > 256) problems.push('worker.concurrency must be between 1 and 256');
  if (config.worker.scanThreads < 0 || config.worker.scanThreads > 64) problems.push('worker.scan_threads must be between 0 and 64');
  if (config.worker.leaseSeconds < 2 || config.worker.leaseSeconds > 3600) problems.push('worker.lease_seconds must be between 2 and 3600');
  if (config.smtp.maxMessageBytes < 1024) problems.push('smtp.max_message_bytes must be at least 1024');
  if (config.retention.intervalMinutes < 1) problems.push('retention.interval_minutes must be at least 1');
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(config.defaultTenant.domain)) {
    problems.push(`default_tenant.domain: not a domain name: ${JSON.stringify(config.defaultTenant.domain)}`);
  }
  for (const name of BEHAVIOUR_LIMIT_KEYS) {
    const [min, max] = BEHAVIOUR_LIMIT_RANGES[name];
    const value = config.behaviour[name];
    if (value < min || value > max) problems.push(`behaviour.${snake(name)} must be between ${min} and ${max}`);
  }
  if (config.scoringFile && !existsSync(config.scoringFile)) problems.push(`scoring_file: file not found: ${config.scoringFile}`);

  if (problems.length > 0) {
    throw new MailwardError('CONFIG_INVALID', `invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return { config, file };
}

function readConfigFile(file: string, problems: string[]): Record<string, unknown> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`config file ${file} cannot be read: ${errorMessage(error)}`);
    return null;
  }
  try {
    const doc = parseYaml(text) as unknown;
    if (doc === null || doc === undefined) return {};
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      problems.push(`${file}: must be a YAML mapping of settings`);
      return null;
    }
    return doc as Record<string, unknown>;
  } catch (error) {
    problems.push(`${file}: not valid YAML: ${errorMessage(error)}`);
    return null;
  }
}

function unknownPaths(doc: Record<string, unknown>, prefix: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (KEYS.some((k) => k.path === path)) continue;
    const isSection = KEYS.some((k) => k.path.startsWith(`${path}.`));
    if (isSection && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.push(...unknownPaths(value as Record<string, unknown>, path));
    } else out.push(path);
  }
  return out;
}

function getPath(doc: Record<string, unknown>, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function setPath(config: ServiceConfig, path: string, value: unknown): void {
  const parts = path.split('.').map(camel);
  let node = config as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

function apply(config: ServiceConfig, key: (typeof KEYS)[number], value: unknown, where: string, problems: string[], cwd: string): void {
  const result = convert(key, typeof value === 'string' ? value.trim() : value, cwd);
  if ('problem' in result) problems.push(`${where}: ${result.problem}`);
  else setPath(config, key.path, result.value);
}

type Converted = { value: unknown } | { problem: string };

function convert(key: (typeof KEYS)[number], text: unknown, cwd: string): Converted {
  if (text === null && key.nullable) return { value: null };
  switch (key.kind) {
    case 'string':
      if (typeof text !== 'string' || text === '') return { problem: 'must be a non-empty string' };
      return { value: key.path.endsWith('domain') ? text.toLowerCase() : text };
    case 'name':
      if (typeof text !== 'string' || !/^[A-Za-z0-9_-]+$/.test(text)) return { problem: 'must be letters, digits, - or _' };
      return { value: text };
    case 'path':
      if (typeof text !== 'string' || text === '') return { problem: 'must be a path' };
      return { value: resolve(cwd, text) };
    case 'url':
      if (text === null) return { value: null };
      if (typeof text !== 'string') return { problem: 'must be a URL' };
      return urlProblem(key.path, text) ?? { value: text };
    case 'port':
    case 'int': {
      const n = typeof text === 'number' ? text : typeof text === 'string' && /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(n)) return { problem: `must be a whole number, got ${JSON.stringify(text)}` };
      // Port 0 asks the system for a free port (tests); the bound port is printed at start.
      if (key.kind === 'port' && (n < 0 || n > 65535)) return { problem: `must be a TCP port (0-65535), got ${n}` };
      return { value: n };
    }
    case 'bool': {
      if (typeof text === 'boolean') return { value: text };
      if (/^(1|true|yes|on)$/i.test(String(text))) return { value: true };
      if (/^(0|false|no|off)$/i.test(String(text))) return { value: false };
      return { problem: `must be true or false, got ${JSON.stringify(text)}` };
    }
    case 'enum':
      if (typeof text !== 'string' || !key.values?.includes(text)) {
        return { problem: `must be one of ${key.values?.join(', ')}, got ${JSON.stringify(text)}` };
      }
      return { value: text };
  }
}

function urlProblem(path: string, text: string): { problem: string } | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'not a valid URL' };
  }
  if (path === 'database_url' && !/^postgres(ql)?:$/.test(url.protocol)) return { problem: 'must start with postgres:// or postgresql://' };
  if (path === 'nats_url' && !/^(nats|tls|ws|wss):$/.test(url.protocol))
    return { problem: 'must start with nats://, tls://, ws:// or wss://' };
  if (path === 'reports.relay_url' && !/^smtps?:$/.test(url.protocol)) return { problem: 'must start with smtp:// or smtps://' };
  return null;
}

/** A URL with its password (or a lone user token, as NATS uses) replaced by `****`. */
export function maskUrl(text: string | null): string | null {
  if (!text) return text;
  try {
    const url = new URL(text);
    if (url.password) url.password = '****';
    else if (url.username && url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') url.username = '****';
    for (const name of [...url.searchParams.keys()]) {
      if (/pass|token|secret|key|seed|nkey|creds/i.test(name)) url.searchParams.set(name, '****');
    }
    return url.toString();
  } catch {
    return '****';
  }
}

/** The effective configuration as YAML (file syntax), secrets masked: what `mailward config` prints. */
export function formatServiceConfig(config: ServiceConfig): string {
  const doc = {
    data_dir: config.dataDir,
    database_url: maskUrl(config.databaseUrl),
    nats_url: maskUrl(config.natsUrl),
    nats_stream: config.natsStream,
    nats_subject_prefix: config.natsSubjectPrefix,
    role: config.role,
    api: { host: config.api.host, port: config.api.port },
    smtp: { host: config.smtp.host, port: config.smtp.port, max_message_bytes: config.smtp.maxMessageBytes },
    worker: { concurrency: config.worker.concurrency, lease_seconds: config.worker.leaseSeconds, scan_threads: config.worker.scanThreads },
    log_level: config.logLevel,
    dns: config.dns,
    scoring_file: config.scoringFile,
    default_tenant: { ...config.defaultTenant },
    policy: { dry_run: config.policy.dryRun, actions: { ...config.policy.actions } },
    retention: { interval_minutes: config.retention.intervalMinutes },
    reports: { address: config.reports.address, relay_url: maskUrl(config.reports.relayUrl), from: config.reports.from },
    behaviour: Object.fromEntries(BEHAVIOUR_LIMIT_KEYS.map((name) => [snake(name), config.behaviour[name]])),
  };
  return toYaml(doc, { nullStr: '~' });
}
