import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Db } from './db.ts';
import { StorageError } from './errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const DEFAULT_DIR = new URL('./migrations/', import.meta.url);
/**
 * Any fixed number works, as long as nothing else in the database uses it: every process that
 * migrates takes this lock first, so two processes starting at once apply each file exactly once.
 */
const MIGRATION_LOCK_KEY = 727_100_001;

/** Reads `NNNN_name.sql` files in version order. Other files in the folder are ignored. */
export async function loadMigrations(dir: URL | string = DEFAULT_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => MIGRATION_FILE.test(file)).sort();
  const base = dir instanceof URL ? dir : pathToFileURL(`${dir.replace(/\/$/, '')}/`);
  const migrations: Migration[] = [];
  for (const file of files) {
    const [, number, name] = MIGRATION_FILE.exec(file)!;
    const version = Number(number);
    if (migrations.some((m) => m.version === version)) {
      throw new StorageError('STORAGE_MIGRATION_FAILED', `two migrations share version ${number}: rename one`);
    }
    const sql = await readFile(new URL(file, base), 'utf8');
    migrations.push({ version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Applies pending migrations in order, in one transaction, under an advisory lock. Returns the
 * names applied by this call (empty when the schema was already current). A file that changed
 * after it was applied is refused: the database would no longer match what the files say.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Map<number, AppliedRow>();
    const { rows } = await tx.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations');
    for (const row of rows) applied.set(row.version, row);

    const done: string[] = [];
    for (const migration of all) {
      const label = `${String(migration.version).padStart(4, '0')}_${migration.name}`;
      const previous = applied.get(migration.version);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new StorageError(
            'STORAGE_MIGRATION_CHANGED',
            `migration ${label} changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new StorageError('STORAGE_MIGRATION_FAILED', `migration ${label} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      done.push(label);
    }
    return done;
  });
}
