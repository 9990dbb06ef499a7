import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { idempotencyKeys } from '../../../src/queue/jobs.ts';
import { eventually } from '../../../src/queue/testing/wait.ts';
import type { Db } from '../../../src/storage/db.ts';
import { openDb } from '../../../src/storage/open-db.ts';
import { deleteTopology, NATS_URL, uniqueTopology } from './nats-world.ts';
import { createTempDatabase, type TempDatabase } from './temp-postgres.ts';
import { applyActionOnce, createEffectTables, openWorkerQueue, type WorkerSettings } from './worker-setup.ts';

let database: TempDatabase;
let db: Db;

/** Has the queue forgotten the job (acknowledged or done), so it will never run again? */
async function jobSettled(settings: WorkerSettings, idempotencyKey: string): Promise<boolean> {
  if (settings.driver === 'embedded') {
    const { rows } = await db.query<{ state: string }>('SELECT state FROM jobs WHERE idempotency_key = $1', [idempotencyKey]);
    return rows[0]?.state === 'done';
  }
  const nc = await connect({ servers: NATS_URL });
  try {
    const info = await (await jetstreamManager(nc)).streams.info(settings.topology.jobsStream);
    return info.state.messages === 0;
  } finally {
    await nc.close();
  }
}

function spawnWorker(settings: WorkerSettings): ChildProcess {
  return spawn(process.execPath, [new URL('./worker-process.ts', import.meta.url).pathname], {
    env: { ...process.env, QUEUE_TEST_SETTINGS: JSON.stringify(settings), DATABASE_URL: database.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function untilLine(child: ChildProcess, line: string): Promise<void> {
  let seen = '';
  await eventually(
    () => {
      seen += child.stdout?.read()?.toString() ?? '';
      return seen.split('\n').includes(line);
    },
    `worker process to print "${line}"`,
    60_000,
  );
}

describe('a worker process killed mid-job', () => {
  before(async () => {
    database = await createTempDatabase('queue_kill');
    db = await openDb({ url: database.url });
    await createEffectTables(db);
  });
  after(async () => {
    await db?.close();
    await database?.drop();
  });

  const cases: { name: string; settings: () => WorkerSettings }[] = [
    { name: 'embedded queue on PostgreSQL', settings: () => ({ driver: 'embedded' }) },
    { name: 'NATS JetStream queue', settings: () => ({ driver: 'nats', topology: uniqueTopology() }) },
  ];
  for (const { name, settings: makeSettings } of cases) {
    test(`${name}: the job is re-delivered and takes effect exactly once`, async () => {
      const settings = makeSettings();
      const payload = {
        tenantId: 'tenant-1',
        mailboxId: `mailbox-${settings.driver}`,
        messageId: 'msg-1',
        action: 'quarantine' as const,
        reason: 'phishing verdict',
      };
      const idempotencyKey = idempotencyKeys.action(payload);
      const survivor = openWorkerQueue(settings, db);
      const child = spawnWorker(settings);
      try {
        await survivor.enqueue('apply-action', payload, { idempotencyKey });
        await untilLine(child, 'effect-recorded');
        child.kill('SIGKILL');
        const [, signal] = await once(child, 'exit');
        assert.equal(signal, 'SIGKILL');

        survivor.handle('apply-action', applyActionOnce(db));
        await survivor.start();
        await eventually(() => jobSettled(settings, idempotencyKey), 'the re-delivered job to be settled', 30_000);

        const deliveries = await db.query<{ attempt: number; pid: number }>(
          'SELECT attempt, pid FROM queue_test_deliveries WHERE idempotency_key = $1 ORDER BY id',
          [idempotencyKey],
        );
        assert.deepEqual(
          deliveries.rows.map((row) => [row.attempt, row.pid]),
          [
            [1, child.pid],
            [2, process.pid],
          ],
        );
        const effects = await db.query('SELECT message_id, action FROM queue_test_effects WHERE idempotency_key = $1', [idempotencyKey]);
        assert.deepEqual(effects.rows, [{ message_id: 'msg-1', action: 'quarantine' }]);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await survivor.stop({ deadlineMs: 1_000 });
        if (settings.driver === 'nats') await deleteTopology(settings.topology);
      }
    });
  }
});
