import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadMigrations, migrate } from '../../../src/storage/migrate.ts';
import { openDb } from '../../../src/storage/open-db.ts';
import { createTestDatabase, dropTestDatabase } from './postgres-harness.ts';

const run = promisify(execFile);
const OPEN_DB = new URL('../../../src/storage/open-db.ts', import.meta.url).href;
const MIGRATE = new URL('../../../src/storage/migrate.ts', import.meta.url).href;

/** A separate Node process that opens the database without migrating, then migrates. */
async function migrateInChildProcess(url: string): Promise<string[]> {
  const script = `
    const { openDb } = await import(${JSON.stringify(OPEN_DB)});
    const { migrate } = await import(${JSON.stringify(MIGRATE)});
    const db = await openDb({ url: process.env.DB_URL, migrate: false });
    try { console.log(JSON.stringify(await migrate(db))); } finally { await db.close(); }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, DB_URL: url } });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

async function appliedVersions(url: string): Promise<number[]> {
  const db = await openDb({ url, migrate: false });
  try {
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    return rows.map((r) => r.version);
  } finally {
    await db.close();
  }
}

describe('migrations started by many processes at once (postgres)', () => {
  it('applies each file exactly once when several pools migrate together', async () => {
    const database = await createTestDatabase();
    try {
      const files = (await loadMigrations()).map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`);
      const dbs = await Promise.all(Array.from({ length: 6 }, () => openDb({ url: database.url, migrate: false })));
      try {
        const results = await Promise.all(dbs.map((db) => migrate(db)));
        assert.deepEqual(
          results.filter((r) => r.length > 0),
          [files],
          'exactly one runner applied everything',
        );
        assert.equal(results.filter((r) => r.length === 0).length, 5);
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
      }
      assert.deepEqual(
        await appliedVersions(database.url),
        (await loadMigrations()).map((m) => m.version),
      );
    } finally {
      await dropTestDatabase(database.name);
    }
  });

  it('applies each file exactly once when two processes start together', async () => {
    const database = await createTestDatabase();
    try {
      const results = await Promise.all([migrateInChildProcess(database.url), migrateInChildProcess(database.url)]);
      const files = (await loadMigrations()).map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`);
      assert.deepEqual(
        results.map((r) => r.length).sort(),
        [0, files.length],
        `one process migrated, the other found nothing to do: ${JSON.stringify(results)}`,
      );
      assert.deepEqual(
        await appliedVersions(database.url),
        (await loadMigrations()).map((m) => m.version),
      );
    } finally {
      await dropTestDatabase(database.name);
    }
  });
});
