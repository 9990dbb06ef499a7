import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../../../src/queue/testing/wait.ts';
import type { Db } from '../../../src/storage/db.ts';
import { openDb } from '../../../src/storage/open-db.ts';
import { deleteTopology, NATS_URL } from '../queue/nats-world.ts';
import { createTempDatabase, type TempDatabase } from '../queue/temp-postgres.ts';
import { assertExactlyOnce, countScanned, sendBatch } from './batch.ts';
import { type ServiceProcess, startMailward, stopMailward } from './harness.ts';

const COUNT = 60;
const suffix = randomBytes(4).toString('hex');
const topology = { jobsStream: `MWSVC_${suffix}`, deadStream: `MWSVC_${suffix}_DEAD`, subjectPrefix: `mwsvc_${suffix}`, buckets: 16 };

describe('scale-out (PostgreSQL + NATS JetStream): a worker process SIGKILLed mid-batch', () => {
  let database: TempDatabase;
  let db: Db;
  const running: ServiceProcess[] = [];
  let env: Record<string, string>;

  before(async () => {
    database = await createTempDatabase('service_crash');
    env = {
      DATABASE_URL: database.url,
      NATS_URL,
      MAILWARD_NATS_STREAM: topology.jobsStream,
      MAILWARD_NATS_SUBJECT_PREFIX: topology.subjectPrefix,
      MAILWARD_WORKER_LEASE_SECONDS: '5',
      MAILWARD_DATA: '/nonexistent-not-used',
      MAILWARD_LOG_LEVEL: 'info',
    };
  });

  after(async () => {
    await Promise.all(running.map((p) => stopMailward(p, 'SIGKILL')));
    await db?.close();
    await database?.drop();
    await deleteTopology(topology);
  });

  const start = async (role: string) => {
    const process = await startMailward({ env, args: ['--role', role] });
    running.push(process);
    return process;
  };

  it('scans every message exactly once and acts at most once across the surviving and restarted workers', async (t) => {
    const ingest = await start('ingest');
    assert.ok(ingest.smtpPort, ingest.output());
    assert.ok(ingest.apiKey, 'the first process on an empty database creates the tenant and key');
    const doomed = await start('worker');
    const survivor = await start('worker');
    db = await openDb({ url: database.url, migrate: false });

    // Kill one worker once scanning is under way (some messages done, most still queued or running).
    const sending = sendBatch(ingest.smtpPort!, COUNT, 'scaleout');
    const scannedAtKill = await eventually(
      async () => {
        const { rows } = await db.query<{ n: number }>('SELECT count(DISTINCT message_id)::int AS n FROM scan_reports');
        const n = rows[0].n;
        return n >= 10 ? n : null;
      },
      'scanning under way',
      120_000,
    );
    doomed.child.kill('SIGKILL');
    assert.equal((await doomed.exited).signal, 'SIGKILL');
    const batch = await sending;
    assert.equal(batch.filter((m) => m.accepted).length, COUNT, 'the ingest process was not harmed, so everything was accepted');
    const doomedScans = doomed.output().match(/"message scanned"/g)?.length ?? 0;
    t.diagnostic(`when the worker died: ${scannedAtKill} of ${COUNT} scanned, ${doomedScans} of them by the killed worker`);
    assert.ok(scannedAtKill < COUNT, 'the kill happened in the middle of the batch');
    assert.ok(doomedScans > 0, 'the killed worker was taking jobs');

    const replacement = await start('worker');
    await eventually(async () => (await countScanned(db, batch)) === COUNT, 'every message scanned', 180_000);
    const phish = batch.filter((m) => m.kind === 'phish').length;
    await eventually(
      async () => {
        const { rows } = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM actions WHERE kind = 'quarantine' AND state = 'done'",
        );
        return rows[0].n >= phish;
      },
      'every phish quarantined',
      60_000,
    );
    for (const process of [survivor, replacement, ingest]) {
      assert.equal((await stopMailward(process, 'SIGTERM')).code, 0, process.output());
    }
    await assertExactlyOnce(db, batch);
  });
});
