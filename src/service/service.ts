import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.ts';
import type { ConnectorSupervisor, SupervisorOptions } from '../connectors/watch/connector-supervisor.ts';
import type { ScanReport } from '../core/report.ts';
import { startSmtpJournal } from '../ingest/smtp-journal.ts';
import { EmbeddedJobQueue } from '../queue/embedded/embedded-queue.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { NatsJobQueue } from '../queue/nats/nats-queue.ts';
import type { Db } from '../storage/db.ts';
import { openDb } from '../storage/open-db.ts';
import { createRepositories } from '../storage/repositories.ts';
import { bootstrapFirstStart, type FirstStart } from './bootstrap.ts';
import type { ServiceDeps } from './deps.ts';
import { openConnectorPool, startMailboxWatchers } from './mailbox-connectors.ts';
import { enqueueUnscanned, scheduleEmbeddedDbMaintenance, scheduleRetention } from './maintenance.ts';
import { ScanPool } from './scan-pool.ts';
import { SCALE_OUT_RELOAD_MS, ServiceBehaviour } from './service-behaviour.ts';
import { createServiceEngine } from './tenant-scan.ts';
import { registerWorkers } from './workers/index.ts';

/** An HTTP server the service can start and stop (the API's Fastify instance fits). */
export interface HttpApp {
  listen(options: { host: string; port: number }): Promise<string>;
  close(): Promise<unknown>;
  server: { address(): unknown };
}

export interface StartServiceOptions {
  log?: Logger;
  clock?: () => Date;
  /** Builds the HTTP API (roles `api` and `all`); without it no HTTP server is started. */
  buildApi?: (deps: ServiceDeps) => Promise<HttpApp>;
  /** Called once per saved scan report (metrics, benchmarks). */
  onScanned?: (report: ScanReport) => void;
  /** Mailbox watcher tuning (refresh and resync periods); tests and benchmarks shorten them. */
  connectors?: SupervisorOptions;
}

export interface RunningService {
  deps: ServiceDeps;
  /** What this process serves, with the addresses actually bound. */
  listening: { api?: { host: string; port: number }; smtp?: { host: string; port: number }; workers?: { concurrency: number } };
  /** Set on the very first start (empty database). */
  firstStart: FirstStart | null;
  /** The mailbox watchers (workers with a secret key); null otherwise. */
  mailboxWatchers: ConnectorSupervisor | null;
  /** Stops taking work, finishes or hands back in-flight jobs, closes servers and the database. */
  stop(): Promise<void>;
}

export function createLogger(config: Pick<ServiceConfig, 'logLevel'>): Logger {
  return pino({ name: 'mailward', level: config.logLevel });
}

export async function openServiceDb(config: ServiceConfig): Promise<Db> {
  if (config.databaseUrl) return openDb({ url: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true });
  return openDb({ dataDir: join(config.dataDir, 'db') });
}

export function openServiceQueue(config: ServiceConfig, db: Db, log: Logger): JobQueue {
  const tuning = { concurrency: config.worker.concurrency, leaseMs: config.worker.leaseSeconds * 1000, log };
  if (config.natsUrl) {
    return new NatsJobQueue({ ...tuning, servers: config.natsUrl, streamName: config.natsStream, subjectPrefix: config.natsSubjectPrefix });
  }
  return new EmbeddedJobQueue({ ...tuning, db });
}

/**
 * Starts the roles the configuration asks for in this process:
 * - `ingest`: the SMTP journal receiver;
 * - `worker`: the scan and action workers, retention, and the unscanned-message safety net;
 * - `api`: the HTTP API;
 * - `all`: everything (the embedded default: PGlite and the embedded queue in one process).
 * With `DATABASE_URL` and `NATS_URL` any number of processes share the work.
 */
export async function startService(config: ServiceConfig, options: StartServiceOptions = {}): Promise<RunningService> {
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? (() => new Date());
  const role = config.role;
  const runs = (r: ServiceConfig['role']) => role === 'all' || role === r;
  if (!config.databaseUrl && role !== 'all') {
    log.warn({ role }, 'the embedded database belongs to one process: only role "all" makes sense without DATABASE_URL');
  }

  const db = await openServiceDb(config);
  const closers: Array<() => Promise<unknown>> = [];
  let queue: JobQueue | undefined;
  let scanner: ScanPool | undefined;
  try {
    const repos = createRepositories(db);
    queue = openServiceQueue(config, db, log);
    const engine = createServiceEngine(config, log, clock);
    // With PostgreSQL several processes may learn for one tenant: each reads the stored model again now and then.
    const behaviour = new ServiceBehaviour(repos, log, {
      reloadEveryMs: config.databaseUrl ? SCALE_OUT_RELOAD_MS : undefined,
      limits: config.behaviour,
    });
    const deps: ServiceDeps = { db, repos, queue, engine, behaviour, log, clock, config, connectors: openConnectorPool() };
    let mailboxWatchers: ConnectorSupervisor | null = null;
    if (runs('worker') && config.worker.scanThreads > 0) {
      scanner = await ScanPool.start(
        config.worker.scanThreads,
        { dns: config.dns, scoringFile: config.scoringFile, logLevel: config.logLevel, behaviourLimits: config.behaviour },
        log,
        behaviour.store,
      );
      deps.scanner = scanner;
      behaviour.useScanPool(scanner);
    }
    const firstStart = await bootstrapFirstStart(deps);
    const maintenance = scheduleEmbeddedDbMaintenance(deps);
    closers.push(() => maintenance.stop());
    const listening: RunningService['listening'] = {};

    if (runs('worker')) {
      registerWorkers(deps, { onScanned: options.onScanned });
      await queue.start();
      listening.workers = { concurrency: config.worker.concurrency };
      const retention = scheduleRetention(deps);
      closers.push(() => retention.stop());
      mailboxWatchers = startMailboxWatchers(deps, options.connectors);
      if (mailboxWatchers) closers.unshift(() => mailboxWatchers!.stop());
      enqueueUnscanned(deps).catch((error: unknown) => log.error({ err: String(error) }, 'could not enqueue unscanned messages'));
    }
    if (runs('ingest')) {
      const smtp = await startSmtpJournal(deps, config.smtp);
      listening.smtp = smtp.address;
      closers.unshift(() => smtp.close());
    }
    if (runs('api') && options.buildApi) {
      const app = await options.buildApi(deps);
      await app.listen({ host: config.api.host, port: config.api.port });
      const address = app.server.address() as { port: number };
      listening.api = { host: config.api.host, port: address.port };
      closers.unshift(() => app.close());
    }

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        // Servers first (no new work), then in-flight jobs, then the database they write to.
        for (const close of closers) await close().catch((error: unknown) => log.error({ err: String(error) }, 'error while stopping'));
        await queue?.stop().catch((error: unknown) => log.error({ err: String(error) }, 'error while stopping the queue'));
        await deps.connectors?.closeAll().catch(() => {});
        await scanner?.close();
        await behaviour.close().catch((error: unknown) => log.error({ err: String(error) }, 'could not write the behaviour models'));
        await db.close();
      })();
      return stopping;
    };
    return { deps, listening, firstStart, mailboxWatchers, stop };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    await queue?.stop().catch(() => {});
    await scanner?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}
