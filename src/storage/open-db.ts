import type { Db } from './db.ts';
import { StorageError } from './errors.ts';
import { migrate } from './migrate.ts';
import { openPgliteDb } from './pglite-driver.ts';
import { openPostgresDb } from './postgres-driver.ts';

export type OpenDbOptions = (
  | { dataDir: string }
  | { url: string; maxConnections?: number }
  /** Nothing on disk: for unit tests and one-off scans. */
  | { memory: true }
) & {
  /** Apply pending migrations before returning (default true). Safe from many processes at once. */
  migrate?: boolean;
};

/**
 * Opens the database the configuration names: a PostgreSQL server when a URL is given
 * (scale-out), otherwise embedded PGlite in a data folder (or in memory).
 */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  const db = await openDriver(options);
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

async function openDriver(options: OpenDbOptions): Promise<Db> {
  if ('url' in options) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new StorageError('STORAGE_CONFIG_INVALID', 'database URL must start with postgres:// or postgresql://');
    }
    return openPostgresDb({ url: options.url, maxConnections: options.maxConnections });
  }
  if ('dataDir' in options) {
    if (!options.dataDir) throw new StorageError('STORAGE_CONFIG_INVALID', 'data folder must not be empty');
    return openPgliteDb({ dataDir: options.dataDir });
  }
  return openPgliteDb();
}
