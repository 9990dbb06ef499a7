import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { type BehaviourEntries, StoredBehaviourStore } from '../behaviour/stored-behaviour-store.ts';
import type { ProfileChanges, ProfileEntry } from '../behaviour/tenant-behaviour.ts';
import { CEO, ceoFraud, ORG_DOMAIN, orgHistory } from '../behaviour/testing/org-mail.ts';
import { pinnedThread, ScanPool } from './scan-pool.ts';
import { createServiceEngine } from './tenant-scan.ts';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/engine');
const phish = readFileSync(resolve(FIXTURES, 'credential-phish.eml'));
const colleague = readFileSync(resolve(FIXTURES, 'legit-colleague.eml'));

describe('ScanPool', () => {
  const log = pino({ level: 'silent' });
  const config = { dns: 'offline' as const, scoringFile: null, logLevel: 'silent' as const };
  let pool: ScanPool;

  before(async () => {
    pool = await ScanPool.start(2, config, log);
  });
  after(() => pool.close());

  it('gives the same verdicts and signals on its threads as the engine in this thread', async () => {
    const engine = createServiceEngine(config, log, () => new Date());
    const request = (raw: Buffer) => ({
      tenantId: 't1',
      raw,
      envelope: { rcptTo: ['bob@example.com'] },
      settings: {},
      scoring: { signalWeights: {}, thresholds: {} },
    });
    const [onPool, here] = await Promise.all([
      Promise.all([phish, colleague].map((raw) => pool.scan(request(raw)))),
      Promise.all([phish, colleague].map((raw) => engine.scan(raw, { envelope: { rcptTo: ['bob@example.com'] } }))),
    ]);
    assert.equal(onPool[0].verdict.class, 'phish');
    assert.equal(onPool[1].verdict.class, 'clean');
    for (let i = 0; i < 2; i++) {
      assert.equal(onPool[i].verdict.class, here[i].verdict.class);
      assert.equal(onPool[i].verdict.score, here[i].verdict.score);
      assert.deepEqual(onPool[i].signals.map((s) => s.id).sort(), here[i].signals.map((s) => s.id).sort());
    }
  });

  it("applies a tenant's scoring overrides on the thread", async () => {
    const plain = await pool.scan({
      tenantId: 't1',
      raw: phish,
      envelope: { rcptTo: [] },
      settings: {},
      scoring: { signalWeights: {}, thresholds: {} },
    });
    const lenient = await pool.scan({
      tenantId: 't1',
      raw: phish,
      envelope: { rcptTo: [] },
      settings: {},
      scoring: { signalWeights: {}, thresholds: { phish: 1000, suspicious: 1000 } },
    });
    assert.equal(plain.verdict.class, 'phish');
    assert.notEqual(lenient.verdict.class, 'phish', 'a phish threshold out of reach moves the verdict');
    assert.equal(lenient.verdict.score, plain.verdict.score, 'the thresholds move the class, not the score');
  });

  it('refuses scans once closed', async () => {
    const closing = await ScanPool.start(1, config, log);
    await closing.close();
    await assert.rejects(
      closing.scan({ tenantId: 't1', raw: phish, envelope: { rcptTo: [] }, settings: {}, scoring: { signalWeights: {}, thresholds: {} } }),
      /closed/,
    );
  });
});

/** Entries kept in a map, as the repository keeps them in rows. */
class MemoryEntries implements BehaviourEntries {
  readonly rows = new Map<string, Map<string, ProfileEntry>>();
  async load(tenantId: string) {
    return [...(this.rows.get(tenantId)?.values() ?? [])].map((e) => structuredClone(e));
  }
  async write(tenantId: string, changes: ProfileChanges) {
    const rows = this.rows.get(tenantId) ?? new Map<string, ProfileEntry>();
    this.rows.set(tenantId, rows);
    for (const e of changes.deletes) rows.delete(`${e.kind}:${e.key}`);
    for (const e of changes.upserts) rows.set(`${e.kind}:${e.key}`, structuredClone(e));
  }
  async deleteAll(tenantId: string) {
    const n = this.rows.get(tenantId)?.size ?? 0;
    this.rows.delete(tenantId);
    return n;
  }
}

describe('ScanPool with behaviour models', () => {
  const log = pino({ level: 'silent' });
  const config = { dns: 'offline' as const, scoringFile: null, logLevel: 'silent' as const };
  const entries = new MemoryEntries();
  const store = new StoredBehaviourStore(entries, { flushEveryMs: 0 });
  const settings = { orgDomains: [ORG_DOMAIN] };
  const scoring = { signalWeights: {}, thresholds: {} };
  const envelope = { rcptTo: [] };
  const ids = (report: { signals: { id: string }[] }) => report.signals.map((s) => s.id).filter((id) => id.startsWith('BEH_'));
  let pool: ScanPool;

  before(async () => {
    pool = await ScanPool.start(2, config, log, store);
  });
  after(() => pool.close());

  it("pins each tenant to one thread, which learns from the tenant's scans and sends the changes back", async () => {
    assert.equal(pinnedThread('tenant-a', 2), pinnedThread('tenant-a', 2));
    assert.notEqual(pinnedThread('tenant-a', 2), pinnedThread('tenant-b', 2), 'these two ids land on different threads');
    await Promise.all(orgHistory(310).map((raw) => pool.scan({ tenantId: 'tenant-a', raw, envelope, settings, scoring })));
    await store.flush();
    assert.equal(entries.rows.get('tenant-a')?.get('meta:learned')?.data, 310);
    assert.ok(entries.rows.get('tenant-a')?.has(`user:${CEO.address}`));
    // A rescan reads the model without learning the message a second time.
    await pool.scan({ tenantId: 'tenant-a', raw: orgHistory(1)[0], envelope, settings, scoring, learn: false });
    await store.flush();
    assert.equal(entries.rows.get('tenant-a')?.get('meta:learned')?.data, 310, 'a rescan learns nothing');

    const fraud = await pool.scan({ tenantId: 'tenant-a', raw: ceoFraud('bec-1'), envelope, settings, scoring });
    assert.deepEqual(ids(fraud).sort(), ['BEH_COLLEAGUE_NAME_EXTERNAL', 'BEH_FIRST_CONTACT']);
    const elsewhere = await pool.scan({ tenantId: 'tenant-b', raw: ceoFraud('bec-1'), envelope, settings, scoring });
    assert.deepEqual(ids(elsewhere), [], "another tenant's model has learned nothing");
  });

  it('loads the stored model on a new pool (a restart) and takes feedback on the owning thread', async () => {
    await pool.close();
    pool = await ScanPool.start(2, config, log, store);
    const scanFraud = async () => ids(await pool.scan({ tenantId: 'tenant-a', raw: ceoFraud('bec-2'), envelope, settings, scoring }));
    assert.ok((await scanFraud()).includes('BEH_FIRST_CONTACT'), 'the restarted pool scores with the stored model');

    await pool.teach({ tenantId: 'tenant-a', raw: ceoFraud('bec-2'), envelope, settings, decision: 'not_a_threat' });
    assert.equal((await scanFraud()).includes('BEH_FIRST_CONTACT'), false, 'released as not a threat: the sender is known now');
    await pool.teach({ tenantId: 'tenant-a', raw: ceoFraud('bec-2'), envelope, settings, decision: 'threat' });
    assert.ok((await scanFraud()).includes('BEH_FIRST_CONTACT'), 'confirmed a threat: the sender is forgotten again');
  });

  it('forgets a tenant on every thread and in storage on reset', async () => {
    await store.reset('tenant-a', () => pool.forget('tenant-a'));
    assert.equal(entries.rows.has('tenant-a'), false);
    const fraud = await pool.scan({ tenantId: 'tenant-a', raw: ceoFraud('bec-3'), envelope, settings, scoring });
    assert.deepEqual(ids(fraud), []);
  });
  it("sizes the threads' models with the service's behaviour settings", async () => {
    // warm_after 1000: after 310 learned messages "never seen before" does not count yet.
    const slow = await ScanPool.start(
      1,
      { ...config, behaviourLimits: { warmAfter: 1000 } },
      log,
      new StoredBehaviourStore(new MemoryEntries(), { flushEveryMs: 0 }),
    );
    try {
      await Promise.all(orgHistory(310).map((raw) => slow.scan({ tenantId: 'tenant-c', raw, envelope, settings, scoring })));
      const fraud = await slow.scan({ tenantId: 'tenant-c', raw: ceoFraud('bec-4'), envelope, settings, scoring });
      assert.deepEqual(ids(fraud), ['BEH_COLLEAGUE_NAME_EXTERNAL'], 'the colleague name still counts; first contact waits for warm-up');
    } finally {
      await slow.close();
    }
  });
});
