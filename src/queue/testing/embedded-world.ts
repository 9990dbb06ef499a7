import assert from 'node:assert/strict';
import pino from 'pino';
import type { Db } from '../../storage/db.ts';
import { EmbeddedJobQueue } from '../embedded/embedded-queue.ts';
import { JobStore } from '../embedded/job-store.ts';
import { JOB_TYPES } from '../jobs.ts';
import { type QueueWorld, TEST_TUNING } from './queue-world.ts';

/** An embedded-driver world on a migrated database; it empties the jobs table so tests start clean. */
export async function embeddedWorld(db: Db): Promise<QueueWorld> {
  await db.query('DELETE FROM jobs');
  let workers = 0;
  return {
    createQueue: (tuning) =>
      new EmbeddedJobQueue({ ...tuning, db, workerId: `worker-${++workers}`, pollIntervalMs: 50, log: pino({ level: 'silent' }) }),
    async claimAsDeadWorker() {
      const claimed = await new JobStore(db).claim('worker-that-died', [...JOB_TYPES], TEST_TUNING.leaseMs);
      assert.ok(claimed, 'no job to claim');
    },
    async dispose() {
      await db.query('DELETE FROM jobs');
    },
  };
}
