import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { Db } from '../db.ts';
import { migrate } from '../migrate.ts';
import { PGLITE_EXTENSIONS, pgliteDb } from '../pglite-driver.ts';

/**
 * How the shared storage suites get databases on one driver. Repository suites share one migrated
 * database and keep apart by creating their own tenants (which is also what production does);
 * migration tests ask for new empty databases.
 */
export interface StorageHarness {
  name: string;
  /** The migrated database the repository suites share. */
  shared(): Promise<Db>;
  /** A new database with no schema at all; the caller closes it. */
  openEmpty(): Promise<Db>;
  /** Closes and removes everything the harness created. */
  cleanup(): Promise<void>;
}

/**
 * PGlite, in memory (`npm test`) or in folders on disk. Creating a PGlite database runs initdb,
 * which takes seconds; it runs once here, and further empty databases load a dump of the first.
 */
export function pgliteHarness(options: { onDisk: boolean }): StorageHarness {
  const folders: string[] = [];
  const folder = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mailward-pglite-'));
    folders.push(dir);
    return dir;
  };
  let prepared: Promise<{ db: Db; emptyDump: Blob }> | undefined;
  const prepare = () => {
    prepared ??= (async () => {
      const pg = await PGlite.create({ dataDir: options.onDisk ? await folder() : undefined, extensions: PGLITE_EXTENSIONS });
      const emptyDump = await pg.dumpDataDir('none');
      const db = pgliteDb(pg);
      await migrate(db);
      return { db, emptyDump };
    })();
    return prepared;
  };
  return {
    name: options.onDisk ? 'pglite-disk' : 'pglite-memory',
    shared: async () => (await prepare()).db,
    async openEmpty() {
      const { emptyDump } = await prepare();
      const dataDir = options.onDisk ? await folder() : undefined;
      return pgliteDb(await PGlite.create({ dataDir, loadDataDir: emptyDump, extensions: PGLITE_EXTENSIONS }));
    },
    async cleanup() {
      if (prepared) await (await prepared).db.close();
      for (const dir of folders) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Inside a `describe`: the harness's shared database, ready once `before` has run. */
export function useDb(harness: StorageHarness): () => Db {
  let db: Db | undefined;
  before(async () => {
    db = await harness.shared();
  });
  return () => {
    if (!db) throw new Error('the database is opened in before()');
    return db;
  };
}
