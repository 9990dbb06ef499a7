/**
 * A worker process for the kill test: it joins the queue named in QUEUE_TEST_SETTINGS, records
 * the effect of the first apply-action job it gets, says so on stdout, and then hangs without
 * acknowledging, until the parent kills it with SIGKILL.
 */
import { openDb } from '../../../src/storage/open-db.ts';
import { applyActionOnce, openWorkerQueue, type WorkerSettings } from './worker-setup.ts';

const settings = JSON.parse(process.env.QUEUE_TEST_SETTINGS ?? '') as WorkerSettings;
const db = await openDb({ url: process.env.DATABASE_URL ?? '', migrate: false });
const queue = openWorkerQueue(settings, db);
queue.handle(
  'apply-action',
  applyActionOnce(db, async () => {
    process.stdout.write('effect-recorded\n');
    await new Promise(() => {});
  }),
);
await queue.start();
process.stdout.write('ready\n');
