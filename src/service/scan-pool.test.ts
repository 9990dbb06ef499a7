import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { ScanPool } from './scan-pool.ts';
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
    const plain = await pool.scan({ raw: phish, envelope: { rcptTo: [] }, settings: {}, scoring: { signalWeights: {}, thresholds: {} } });
    const lenient = await pool.scan({
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
      closing.scan({ raw: phish, envelope: { rcptTo: [] }, settings: {}, scoring: { signalWeights: {}, thresholds: {} } }),
      /closed/,
    );
  });
});
