import { type LoadedServiceConfig, loadServiceConfig, SERVICE_ROLES, type ServiceRole } from '../../config/service-config.ts';
import { ENGINE_VERSION } from '../../pipeline/engine.ts';
import type { RunningService, StartServiceOptions } from '../../service/service.ts';
import { parseOptions } from '../parse-options.ts';
import { CliUsageError } from '../usage-error.ts';

export const START_HELP = `Usage: mailward start [options]

Runs the Mailward service: the SMTP journal receiver, the scan and action workers and the HTTP
API. By default everything runs in this one process with an embedded database (PGlite) and an
embedded job queue in the data folder: nothing to install. With DATABASE_URL (PostgreSQL) and
NATS_URL (NATS JetStream) the same command scales out: run as many processes of each role as
needed.

On the first start with an empty database it creates a default tenant and prints an admin API
key once. Stop with Ctrl-C (SIGINT) or SIGTERM: it stops taking work, lets running jobs finish
(or hands them back to the queue), closes its servers and the database, and exits 0.

Options:
  --role ROLE             all (default), api, worker or ingest
  --config FILE           service configuration (YAML); also MAILWARD_CONFIG
  --data DIR              data folder of the embedded database (default ./data; MAILWARD_DATA)
  --api-host HOST         HTTP API address (default 127.0.0.1)
  --api-port PORT         HTTP API port (default 8025; 0 picks a free port)
  --smtp-host HOST        SMTP journal receiver address (default 127.0.0.1)
  --smtp-port PORT        SMTP journal receiver port (default 2525; 0 picks a free port)
  --concurrency N         jobs one worker process runs at once (default 8)
  -h, --help              this help

Every setting, its environment variable and its default: 'mailward config --help'.`;

const OVERRIDES = {
  role: 'role',
  data: 'data_dir',
  'api-host': 'api.host',
  'api-port': 'api.port',
  'smtp-host': 'smtp.host',
  'smtp-port': 'smtp.port',
  concurrency: 'worker.concurrency',
} as const;

/** `start` and `config` share how flags become configuration. */
export function configFromFlags(values: Record<string, unknown>): LoadedServiceConfig {
  const overrides: Record<string, unknown> = {};
  for (const [flag, path] of Object.entries(OVERRIDES)) if (values[flag] !== undefined) overrides[path] = values[flag];
  if (values.role !== undefined && !SERVICE_ROLES.includes(values.role as ServiceRole)) {
    throw new CliUsageError(`--role must be one of ${SERVICE_ROLES.join(', ')}`);
  }
  return loadServiceConfig({ file: values.config as string | undefined, overrides });
}

export const SERVICE_FLAGS = {
  role: { type: 'string' },
  config: { type: 'string' },
  data: { type: 'string' },
  'api-host': { type: 'string' },
  'api-port': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function startCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, SERVICE_FLAGS, false);
  if (values.help) {
    process.stdout.write(`${START_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new CliUsageError(`start takes no arguments\n\n${START_HELP}`);
  const { config, file } = configFromFlags(values);

  const options: StartServiceOptions = {};
  if (config.role === 'all' || config.role === 'api') {
    // Loaded only where the API runs, so worker and ingest processes do not load the web stack.
    const api = await import('../../api/server.ts');
    const metricsModule = await import('../../api/metrics/mailward-metrics.ts');
    const metrics = metricsModule.createMailwardMetrics();
    options.buildApi = (deps) => api.buildApi(deps, { metrics, console: true });
    options.onScanned = (report) => metricsModule.recordScan(metrics, report.verdict.class);
  }

  // Loaded here, not at the top: 'mailward scan' should not pay for the database and queue drivers.
  const { startService } = await import('../../service/service.ts');
  const service = await startService(config, options);
  printBanner(service, file);

  return new Promise<number>((resolve) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals > 1) {
        process.stderr.write(`mailward: ${signal} again, exiting without waiting\n`);
        process.exit(130);
      }
      process.stdout.write(`Mailward: ${signal} received, stopping (running jobs finish or go back to the queue)...\n`);
      service.stop().then(
        () => {
          process.stdout.write('Mailward: stopped.\n');
          // Everything is closed; should a library still hold a handle, do not hang on it.
          setTimeout(() => process.exit(0), 3_000).unref();
          resolve(0);
        },
        (error: unknown) => {
          process.stderr.write(`mailward: error while stopping: ${String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function printBanner(service: RunningService, file: string | null): void {
  const { config } = service.deps;
  const { api, smtp, workers } = service.listening;
  const lines = [
    `Mailward ${ENGINE_VERSION} started (role ${config.role})${file ? ` with ${file}` : ''}`,
    `  database  ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`,
    `  queue     ${config.natsUrl ? `NATS JetStream (NATS_URL, stream ${config.natsStream})` : 'embedded (in the database)'}`,
  ];
  if (api) lines.push(`  API       http://${api.host}:${api.port}/api/v1`);
  if (smtp) lines.push(`  SMTP      smtp://${smtp.host}:${smtp.port} (journal copies; recipient domain selects the tenant)`);
  if (workers) lines.push(`  workers   ${workers.concurrency} jobs at once; policy ${describePolicy(config.policy)}`);
  if (service.firstStart) {
    const { tenant, adminToken } = service.firstStart;
    const base = api ? `http://${api.host}:${api.port}` : `http://${config.api.host}:${config.api.port}`;
    lines.push(
      '',
      `First start: created tenant "${tenant.name}" for ${tenant.domains.join(', ')} and an admin API key.`,
      'Keep the key now: it is stored only as a hash and is not shown again.',
      `  API key   ${adminToken}`,
      `  try       curl -H "Authorization: Bearer ${adminToken}" ${base}/api/v1/messages`,
    );
  }
  lines.push('Ready: Ctrl-C stops it.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function describePolicy(policy: RunningService['deps']['config']['policy']): string {
  const acting = Object.entries(policy.actions)
    .filter(([, action]) => action !== 'none')
    .map(([verdict, action]) => `${verdict} -> ${action}`);
  return `${acting.length > 0 ? acting.join(', ') : 'record only'}${policy.dryRun ? ' (dry run: recorded, nothing moved)' : ''}`;
}
