import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MailwardError } from '../core/errors.ts';
import { formatServiceConfig, loadServiceConfig, maskUrl } from './service-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'mailward-service-config-'));
const file = (name: string, yaml: string) => {
  const path = join(dir, name);
  writeFileSync(path, yaml);
  return path;
};
const problems = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof MailwardError);
    assert.equal(error.code, 'CONFIG_INVALID');
    return error.message.split('\n').slice(1);
  }
  assert.fail('expected CONFIG_INVALID');
};

describe('loadServiceConfig', () => {
  it('has working defaults: embedded, local addresses, phish and malware quarantined', () => {
    const { config, file: used } = loadServiceConfig({ env: {}, cwd: '/srv/mw' });
    assert.equal(used, null);
    assert.equal(config.dataDir, '/srv/mw/data');
    assert.equal(config.databaseUrl, null);
    assert.equal(config.natsUrl, null);
    assert.deepEqual(config.api, { host: '127.0.0.1', port: 8025 });
    assert.deepEqual({ host: config.smtp.host, port: config.smtp.port }, { host: '127.0.0.1', port: 2525 });
    assert.equal(config.role, 'all');
    assert.equal(config.policy.actions.phish, 'quarantine');
    assert.equal(config.policy.actions.malware, 'quarantine');
    assert.equal(config.policy.actions.suspicious, 'none');
    assert.equal(config.policy.actions.clean, 'none');
  });

  it('layers file, then environment, then options', () => {
    const path = file(
      'layers.yaml',
      'api:\n  port: 9000\n  host: 0.0.0.0\nworker:\n  concurrency: 3\nrole: worker\npolicy:\n  dry_run: true\n',
    );
    const { config } = loadServiceConfig({
      file: path,
      env: {
        MAILWARD_API_PORT: '9100',
        MAILWARD_DATA: '/var/lib/mw',
        DATABASE_URL: 'postgres://u:p@h/db',
        MAILWARD_POLICY_SUSPICIOUS: 'quarantine',
      },
      overrides: { 'worker.concurrency': '5' },
    });
    assert.equal(config.api.host, '0.0.0.0');
    assert.equal(config.api.port, 9100);
    assert.equal(config.worker.concurrency, 5);
    assert.equal(config.role, 'worker');
    assert.equal(config.dataDir, '/var/lib/mw');
    assert.equal(config.databaseUrl, 'postgres://u:p@h/db');
    assert.equal(config.policy.dryRun, true);
    assert.equal(config.policy.actions.suspicious, 'quarantine');
  });

  it('finds the file through MAILWARD_CONFIG', () => {
    const path = file('env.yaml', 'smtp:\n  port: 2626\n');
    const { config, file: used } = loadServiceConfig({ env: { MAILWARD_CONFIG: path } });
    assert.equal(used, path);
    assert.equal(config.smtp.port, 2626);
  });

  it('lists every problem, one line each, naming where it came from', () => {
    const path = file('bad.yaml', 'api:\n  port: 70000\nsmtp:\n  hots: x\nrole: boss\n');
    const lines = problems(() =>
      loadServiceConfig({ file: path, env: { MAILWARD_WORKER_CONCURRENCY: 'many', NATS_URL: 'http://x', DATABASE_URL: 'mysql://x' } }),
    );
    assert.equal(lines.length, 6, lines.join('\n'));
    assert.ok(lines.some((l) => l.includes('unknown key smtp.hots')));
    assert.ok(lines.some((l) => l.includes('api.port') && l.includes('70000')));
    assert.ok(lines.some((l) => l.includes('role') && l.includes('boss')));
    assert.ok(lines.some((l) => l.includes('MAILWARD_WORKER_CONCURRENCY')));
    assert.ok(lines.some((l) => l.includes('NATS_URL') && l.includes('nats://')));
    assert.ok(lines.some((l) => l.includes('DATABASE_URL') && l.includes('postgres://')));
  });

  it('refuses a missing or unparseable file', () => {
    assert.match(problems(() => loadServiceConfig({ file: join(dir, 'nope.yaml'), env: {} }))[0], /cannot be read/);
    assert.match(problems(() => loadServiceConfig({ file: file('broken.yaml', 'api: [1\n'), env: {} }))[0], /not valid YAML/);
    assert.match(problems(() => loadServiceConfig({ file: file('list.yaml', '- 1\n'), env: {} }))[0], /mapping/);
  });
});

describe('masking secrets', () => {
  it('masks passwords and NATS tokens, keeps the rest readable', () => {
    assert.equal(maskUrl('postgres://mailward:s3cret@db:5432/mw'), 'postgres://mailward:****@db:5432/mw');
    assert.equal(maskUrl('postgres://mailward@db/mw'), 'postgres://mailward@db/mw');
    assert.equal(maskUrl('nats://user:pw@nats:4222'), 'nats://user:****@nats:4222');
    assert.equal(maskUrl('nats://tok3n@nats:4222'), 'nats://****@nats:4222');
    assert.equal(maskUrl('postgres://db/mw?password=x&sslmode=require'), 'postgres://db/mw?password=****&sslmode=require');
  });

  it('never prints a secret in the effective configuration', () => {
    const { config } = loadServiceConfig({ env: { DATABASE_URL: 'postgres://mw:hunter2@db/mw', NATS_URL: 'nats://a:b-secret@n:4222' } });
    const text = formatServiceConfig(config);
    assert.doesNotMatch(text, /hunter2|b-secret/);
    assert.match(text, /database_url: postgres:\/\/mw:\*\*\*\*@db\/mw/);
  });

  it('reads back what it prints: the printed configuration is a valid config file for the same settings', () => {
    const { config } = loadServiceConfig({ env: { MAILWARD_WORKER_LEASE_SECONDS: '45', MAILWARD_BEHAVIOUR_WARM_AFTER: '40' }, cwd: dir });
    const printed = file('printed.yaml', formatServiceConfig(config));
    const again = loadServiceConfig({ env: {}, file: printed, cwd: dir });
    assert.deepEqual(again.config, config);
    assert.equal(again.config.worker.leaseSeconds, 45);
    assert.equal(again.config.scoringFile, null, 'an unset optional setting prints as ~ and reads back as unset');
    assert.equal(again.config.behaviour.warmAfter, 40);
  });

  it('sizes the behaviour model from settings, within sane ranges', () => {
    const { config } = loadServiceConfig({
      env: {},
      file: file('behaviour.yaml', 'behaviour:\n  max_senders: 20000\n  correspondents_per_user: 32\n'),
    });
    assert.equal(config.behaviour.maxSenders, 20_000);
    assert.equal(config.behaviour.correspondentsPerUser, 32);
    assert.equal(config.behaviour.maxDomains, 60_000, 'the others keep their defaults');
    assert.deepEqual(
      problems(() => loadServiceConfig({ env: { MAILWARD_BEHAVIOUR_MAX_USERS: '0', MAILWARD_BEHAVIOUR_WARM_AFTER: 'soon' } })),
      [
        '  - environment MAILWARD_BEHAVIOUR_WARM_AFTER: must be a whole number, got "soon"',
        '  - behaviour.max_users must be between 10 and 1000000',
      ],
    );
  });
});
