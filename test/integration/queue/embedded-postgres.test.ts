import { embeddedWorld } from '../../../src/queue/testing/embedded-world.ts';
import { describeQueueBehaviour } from '../../../src/queue/testing/queue-behaviour.ts';
import type { Db } from '../../../src/storage/db.ts';
import { openDb } from '../../../src/storage/open-db.ts';
import { createTempDatabase, type TempDatabase } from './temp-postgres.ts';

let database: TempDatabase;
let db: Db;

describeQueueBehaviour('embedded queue on PostgreSQL', {
  async setup() {
    database = await createTempDatabase('queue');
    db = await openDb({ url: database.url });
  },
  newWorld: () => embeddedWorld(db),
  async teardown() {
    await db?.close();
    await database?.drop();
  },
});
