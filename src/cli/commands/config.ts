import { formatServiceConfig } from '../../config/service-config.ts';
import { parseOptions } from '../parse-options.ts';
import { CliUsageError } from '../usage-error.ts';
import { configFromFlags, SERVICE_FLAGS } from './start.ts';

export const CONFIG_HELP = `Usage: mailward config [options]

Prints the effective service configuration as YAML, with passwords and tokens masked: the
defaults, overridden by the config file (--config or MAILWARD_CONFIG), then by the environment,
then by the options below (the same as 'mailward start'). Exits 2 listing every problem when
the configuration is invalid: 'mailward start' would refuse it the same way.

Settings (file key, environment variable, default):
  data_dir                     MAILWARD_DATA                 ./data
  database_url                 DATABASE_URL                  (none: embedded PGlite in data_dir)
  nats_url                     NATS_URL                      (none: embedded queue in the database)
  nats_stream                  MAILWARD_NATS_STREAM          MAILWARD_JOBS
  nats_subject_prefix          MAILWARD_NATS_SUBJECT_PREFIX  mailward
  role                         MAILWARD_ROLE                 all (api, worker, ingest)
  api.host, api.port           MAILWARD_API_HOST, _PORT      127.0.0.1, 8025
  smtp.host, smtp.port         MAILWARD_SMTP_HOST, _PORT     127.0.0.1, 2525
  smtp.max_message_bytes       MAILWARD_SMTP_MAX_MESSAGE_BYTES  26214400 (25 MiB)
  worker.concurrency           MAILWARD_WORKER_CONCURRENCY   8
  worker.lease_seconds         MAILWARD_WORKER_LEASE_SECONDS 30 (a dead worker's jobs return after this)
  worker.scan_threads          MAILWARD_WORKER_SCAN_THREADS  one per CPU core, up to 8 (0: scan in the worker's own thread)
  log_level                    MAILWARD_LOG_LEVEL            info (fatal, error, warn, debug, trace, silent)
  dns                          MAILWARD_DNS                  system (offline: no SPF/DKIM/DMARC lookups)
  scoring_file                 MAILWARD_SCORING_FILE         (none: config/defaults only)
  default_tenant.name, .domain MAILWARD_TENANT_NAME, _DOMAIN Default, example.com (first start only)
  policy.dry_run               MAILWARD_POLICY_DRY_RUN       false
  policy.actions.<verdict>     MAILWARD_POLICY_<VERDICT>     phish, malware: quarantine; others: none
  retention.interval_minutes   MAILWARD_RETENTION_INTERVAL_MINUTES  60
  reports.address, .from       MAILWARD_REPORT_ADDRESS, _FROM  (none: no report mailbox)
  reports.relay_url            MAILWARD_REPORT_RELAY_URL     (none: reporters get no answer)
  behaviour.<limit>            MAILWARD_BEHAVIOUR_<LIMIT>    per tenant: max_senders 250000, max_domains 60000,
                                                             max_users 50000, max_threads 400000,
                                                             correspondents_per_user 64, warm_after 300

Options:
  --config FILE           service configuration (YAML)
  (and every option of 'mailward start')
  -h, --help              this help`;

export async function configCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, SERVICE_FLAGS, false);
  if (values.help) {
    process.stdout.write(`${CONFIG_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new CliUsageError(`config takes no arguments\n\n${CONFIG_HELP}`);
  const { config, file } = configFromFlags(values);
  process.stdout.write(`# Mailward effective configuration: defaults < ${file ?? '(no config file)'} < environment < options\n`);
  process.stdout.write(formatServiceConfig(config));
  return 0;
}
