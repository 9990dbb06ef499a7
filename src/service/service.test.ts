import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { defaultServiceConfig, type ServiceConfig } from '../config/service-config.ts';
import { EmbeddedJobQueue } from '../queue/embedded/embedded-queue.ts';
import type { JobContext } from '../queue/job-queue.ts';
import { idempotencyKeys } from '../queue/jobs.ts';
import { eventually, sleep } from '../queue/testing/wait.ts';
import type { Db } from '../storage/db.ts';
import { openDb } from '../storage/open-db.ts';
import { createRepositories } from '../storage/repositories.ts';
import { bootstrapFirstStart } from './bootstrap.ts';
import type { ServiceDeps } from './deps.ts';
import { ingestRawMessage } from './ingest.ts';
import { enqueueUnscanned } from './maintenance.ts';
import { createServiceEngine } from './tenant-scan.ts';
import { applyActionWorker } from './workers/apply-action.ts';
import { registerWorkers } from './workers/index.ts';
import { scanMessageWorker } from './workers/scan-message.ts';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/engine');
const phish = readFileSync(resolve(FIXTURES, 'credential-phish.eml'));
const colleague = readFileSync(resolve(FIXTURES, 'legit-colleague.eml'));

/** A variant of a fixture with its own bytes (a new message for storage). */
const variant = (raw: Buffer, n: number | string) => Buffer.concat([Buffer.from(`X-Test-Variant: ${n}\r\n`), raw]);

function contextFor(key: string, partitionKey: string, attempt = 1): JobContext {
  return { jobId: 'manual', type: 'scan-message', idempotencyKey: key, partitionKey, attempt, signal: new AbortController().signal };
}

describe('service workers on in-memory PGlite', () => {
  let db: Db;
  let deps: ServiceDeps;
  let tenantId: string;

  const depsWith = (config: ServiceConfig): ServiceDeps => ({ ...deps, config });

  before(async () => {
    db = await openDb({ memory: true });
    const log = pino({ level: 'silent' });
    const config = { ...defaultServiceConfig(), dns: 'offline' as const };
    const queue = new EmbeddedJobQueue({ db, log, pollIntervalMs: 50 });
    deps = {
      db,
      repos: createRepositories(db),
      queue,
      engine: createServiceEngine(config, log, () => new Date()),
      log,
      clock: () => new Date(),
      config,
    };
    const first = await bootstrapFirstStart(deps);
    assert.ok(first, 'the first start creates a tenant');
    assert.match(first.adminToken, /^mw_/);
    assert.ok(await deps.repos.apiKeys.authenticate(first.adminToken), 'the printed key works');
    assert.equal(await bootstrapFirstStart(deps), null, 'and only the first');
    tenantId = first.tenant.id;
    registerWorkers(deps);
    await queue.start();
  });

  after(async () => {
    await deps.queue.stop();
    await db.close();
  });

  it('stores, scans and quarantines a phish exactly once, however often it is ingested', async () => {
    const raw = variant(phish, 'once');
    const first = await ingestRawMessage(deps, { tenantId, raw, source: 'smtp-journal', envelope: { rcptTo: ['journal@example.com'] } });
    const again = await ingestRawMessage(deps, { tenantId, raw, source: 'api' });
    assert.equal(first.created, true);
    assert.deepEqual(again, { messageId: first.messageId, created: false });

    const entry = await eventually(() => deps.repos.quarantine.get(tenantId, first.messageId), 'quarantine entry');
    assert.equal(entry.state, 'quarantined');
    assert.equal(entry.decidedBy, 'system');
    const reports = await deps.repos.reports.listForMessage(tenantId, first.messageId);
    assert.equal(reports.length, 1);
    assert.equal(reports[0].report.verdict.class, 'phish');
    const message = await deps.repos.messages.get(tenantId, first.messageId);
    assert.equal(message?.from, 'no-reply@account-notice.example.net');
    const actions = await eventually(async () => {
      const list = await deps.repos.actions.listForMessage(tenantId, first.messageId);
      return list.length === 1 && list[0].state === 'done' ? list : null;
    }, 'action done');
    assert.equal(actions[0].kind, 'quarantine');
    const audit = await deps.repos.audit.list(tenantId, { targetId: first.messageId });
    assert.equal(audit.items.filter((e) => e.action === 'quarantine.add').length, 1);
  });

  it('makes redelivered scan and action jobs harmless', async () => {
    const { messageId } = await ingestRawMessage(deps, { tenantId, raw: variant(phish, 'redelivered'), source: 'api' });
    await eventually(async () => (await deps.repos.actions.listForMessage(tenantId, messageId))[0]?.state === 'done', 'first action');
    const mailboxId = (await deps.repos.messages.get(tenantId, messageId))!.mailboxId;
    const payload = { tenantId, mailboxId, messageId };
    // The queue delivers a job again after a crash: run both handlers by hand with the same keys.
    await scanMessageWorker(deps)(payload, contextFor(idempotencyKeys.scan(payload), 'p', 2));
    const action = { ...payload, action: 'quarantine' as const, reason: 'policy: phish' };
    await applyActionWorker(deps)(action, { ...contextFor(idempotencyKeys.action(action), 'p', 2), type: 'apply-action' });
    assert.equal((await deps.repos.reports.listForMessage(tenantId, messageId)).length, 1);
    assert.equal((await deps.repos.actions.listForMessage(tenantId, messageId)).length, 1);
    const audit = await deps.repos.audit.list(tenantId, { targetId: messageId });
    assert.equal(audit.items.filter((e) => e.action === 'quarantine.add').length, 1);
    // A rescan (fresh key) adds a report.
    await scanMessageWorker(deps)(payload, contextFor(`rescan:${messageId}:1`, 'p'));
    assert.equal((await deps.repos.reports.listForMessage(tenantId, messageId)).length, 2);
  });

  it('stores malformed input and reports it unscannable, without acting on it', async () => {
    const { messageId, created } = await ingestRawMessage(deps, { tenantId, raw: Buffer.from('\x00\x01 not mail'), source: 'api' });
    assert.equal(created, true);
    const report = await eventually(() => deps.repos.reports.latest(tenantId, messageId), 'report');
    assert.equal(report.report.unscannable?.code, 'INPUT_NOT_EMAIL');
    assert.equal(await deps.repos.quarantine.get(tenantId, messageId), null);
  });

  it('leaves clean mail alone', async () => {
    const { messageId } = await ingestRawMessage(deps, { tenantId, raw: variant(colleague, 'clean'), source: 'api' });
    const report = await eventually(() => deps.repos.reports.latest(tenantId, messageId), 'report');
    assert.equal(report.report.verdict.class, 'clean');
    assert.deepEqual(await deps.repos.actions.listForMessage(tenantId, messageId), []);
  });

  it('applies tenant thresholds and the dry-run policy', async () => {
    const other = await deps.repos.tenants.create({ name: 'Lenient', domains: ['lenient.test'] });
    await deps.repos.settings.update(other.id, (s) => ({ ...s, thresholds: { suspicious: 500, phish: 1000 } }));
    const lenient = await ingestRawMessage(deps, { tenantId: other.id, raw: variant(phish, 'lenient'), source: 'api' });
    const report = await eventually(() => deps.repos.reports.latest(other.id, lenient.messageId), 'report');
    assert.notEqual(report.report.verdict.class, 'phish');

    const dry = depsWith({ ...deps.config, policy: { ...deps.config.policy, dryRun: true } });
    const { messageId } = await ingestRawMessage(dry, { tenantId, raw: variant(phish, 'dry'), source: 'api' });
    const mailboxId = (await deps.repos.messages.get(tenantId, messageId))!.mailboxId;
    const payload = { tenantId, mailboxId, messageId };
    await scanMessageWorker(dry)(payload, contextFor(idempotencyKeys.scan(payload), 'p'));
    const actions = await deps.repos.actions.listForMessage(tenantId, messageId);
    assert.ok(actions.some((a) => a.kind === 'dry-run:quarantine' && a.state === 'done'));
  });

  it("follows the tenant's own policy over the service-wide one", async () => {
    const relaxed = await deps.repos.tenants.create({ name: 'Relaxed', domains: ['relaxed.test'] });
    await deps.repos.settings.update(relaxed.id, (s) => ({ ...s, policy: { actions: { phish: 'none' } } }));
    const { messageId } = await ingestRawMessage(deps, { tenantId: relaxed.id, raw: variant(phish, 'relaxed'), source: 'api' });
    const report = await eventually(() => deps.repos.reports.latest(relaxed.id, messageId), 'report');
    assert.equal(report.report.verdict.class, 'phish');
    await sleep(300); // an action job, had one been planned, would have run by now
    assert.deepEqual(await deps.repos.actions.listForMessage(relaxed.id, messageId), []);
    assert.equal(await deps.repos.quarantine.get(relaxed.id, messageId), null);

    const strict = await deps.repos.tenants.create({ name: 'Strict', domains: ['strict.test'] });
    await deps.repos.settings.update(strict.id, (s) => ({ ...s, policy: { dryRun: true, actions: {} } }));
    const dry = await ingestRawMessage(deps, { tenantId: strict.id, raw: variant(phish, 'strict-dry'), source: 'api' });
    const actions = await eventually(async () => {
      const list = await deps.repos.actions.listForMessage(strict.id, dry.messageId);
      return list.length > 0 ? list : null;
    }, 'dry-run action');
    assert.deepEqual(
      actions.map((a) => [a.kind, a.state]),
      [['dry-run:quarantine', 'done']],
      "the tenant's dry run, the service's phish action",
    );
    assert.equal(await deps.repos.quarantine.get(strict.id, dry.messageId), null);
  });

  it("flags an outsider using the name of one of the tenant's VIPs, and only for that tenant", async () => {
    const guarded = await deps.repos.tenants.create({ name: 'Guarded', domains: ['guarded.test'] });
    const unguarded = await deps.repos.tenants.create({ name: 'Unguarded', domains: ['unguarded.test'] });
    await deps.repos.settings.update(guarded.id, (s) => ({ ...s, vipNames: ['  Helena   Lindqvist '] }));
    assert.deepEqual((await deps.repos.settings.get(guarded.id)).vipNames, ['Helena Lindqvist']);
    const raw = Buffer.from(
      [
        'From: Helena Lindqvist <helena.lindqvist.office@freemail.example>',
        'To: accounts@guarded.test',
        'Subject: Are you at your desk?',
        'Date: Mon, 2 Feb 2026 09:12:00 +0000',
        'Message-ID: <vip-1@freemail.example>',
        '',
        'I am in a meeting. Let me know when you are free, I need a quick favour.',
        '',
      ].join('\r\n'),
    );
    const signalsOf = async (id: string) => {
      const { messageId } = await ingestRawMessage(deps, { tenantId: id, raw, source: 'api' });
      const report = await eventually(() => deps.repos.reports.latest(id, messageId), 'report');
      return report.report.signals.map((signal) => signal.id);
    };
    assert.ok((await signalsOf(guarded.id)).includes('SENDER_DISPLAY_NAME_VIP'));
    assert.equal((await signalsOf(unguarded.id)).includes('SENDER_DISPLAY_NAME_VIP'), false);
  });

  it('finds stored messages whose scan was never enqueued', async () => {
    const mailboxId = (await deps.repos.mailboxes.findByAddress(tenantId, 'smtp-journal', 'journal'))!.id;
    // As if the process died between storing and enqueueing.
    const { message } = await deps.repos.messages.ingest(tenantId, {
      mailboxId,
      providerMessageId: 'orphan',
      from: 'a@b.test',
      to: ['x@example.com'],
      subject: 'orphan',
      raw: variant(colleague, 'orphan'),
      receivedAt: new Date(Date.now() - 5 * 60_000),
    });
    assert.equal(await enqueueUnscanned(deps), 1);
    await eventually(() => deps.repos.reports.latest(tenantId, message.id), 'orphan scanned');
    assert.equal(await enqueueUnscanned(deps), 0);
  });
});
