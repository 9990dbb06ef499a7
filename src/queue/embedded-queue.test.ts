import type { Db } from '../storage/db.ts';
import { openDb } from '../storage/open-db.ts';
import { embeddedWorld } from './testing/embedded-world.ts';
import { describeQueueBehaviour } from './testing/queue-behaviour.ts';

let db: Db;

describeQueueBehaviour('embedded queue on in-memory PGlite', {
  async setup() {
    db = await openDb({ memory: true });
  },
  newWorld: () => embeddedWorld(db),
  teardown: () => db.close(),
});
