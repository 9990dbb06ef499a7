import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.ts';
import type { ConnectorPool } from '../connectors/connector-pool.ts';
import type { Engine } from '../pipeline/engine.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import type { Db } from '../storage/db.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { Scanner } from './scan-pool.ts';
import type { ServiceBehaviour } from './service-behaviour.ts';

/**
 * Everything the service's use cases need, handed in once at start-up (or by a test).
 * The API (`src/api/`), the workers and the SMTP receiver all take this one object.
 */
export interface ServiceDeps {
  db: Db;
  repos: Repositories;
  queue: JobQueue;
  /** The engine with the shipped detectors and the configured scoring; tenants' overrides are layered per scan. */
  engine: Engine;
  /** Scan threads (`ScanPool`) that run `engine`'s equivalent off this thread; absent: scans run on `engine` here. */
  scanner?: Scanner;
  /** The tenants' behaviour models (scored with and learned into by scans; taught by decisions); absent in tests that need none. */
  behaviour?: ServiceBehaviour;
  log: Logger;
  clock: () => Date;
  config: ServiceConfig;
  /** Connections to connector mailboxes (IMAP) for actions; absent when no secret key is configured. */
  connectors?: ConnectorPool;
}
