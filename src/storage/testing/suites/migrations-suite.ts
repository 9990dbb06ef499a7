import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMigrations, type Migration, migrate } from '../../migrate.ts';
import type { StorageHarness } from '../harness.ts';

function migration(version: number, name: string, sql: string): Migration {
  return { version, name, sql, checksum: `${version}:${sql}` };
}

async function tableExists(db: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }, name: string) {
  const { rows } = await db.query('SELECT to_regclass($1)::text AS name', [name]);
  return (rows[0] as { name: string | null }).name !== null;
}

export function migrationsSuite(harness: StorageHarness): void {
  describe(`migrations (${harness.name})`, () => {
    it('applies every numbered file in order, once, and records each', async () => {
      const files = await loadMigrations();
      assert.equal(files[0].version, 1);
      assert.equal(files[0].name, 'core');
      assert.deepEqual(
        files.map((f) => f.version),
        [...files.map((f) => f.version)].sort((a, b) => a - b),
      );
      const db = await harness.openEmpty();
      try {
        const applied = await migrate(db);
        assert.deepEqual(
          applied,
          files.map((f) => `${String(f.version).padStart(4, '0')}_${f.name}`),
        );
        const { rows } = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
        assert.deepEqual(
          rows.map((r) => r.version),
          files.map((f) => f.version),
        );
        for (const table of [
          'tenants',
          'messages',
          'raw_messages',
          'scan_reports',
          'quarantine_entries',
          'actions',
          'audit_log',
          'api_keys',
        ]) {
          assert.ok(await tableExists(db, table), `${table} exists`);
        }
        assert.deepEqual(await migrate(db), [], 'a second run applies nothing');
      } finally {
        await db.close();
      }
    });

    it('refuses a migration whose file changed after it was applied', async () => {
      const db = await harness.openEmpty();
      try {
        await migrate(db, [migration(1, 'one', 'CREATE TABLE one (x int)')]);
        await assert.rejects(migrate(db, [migration(1, 'one', 'CREATE TABLE one (x bigint)')]), { code: 'STORAGE_MIGRATION_CHANGED' });
      } finally {
        await db.close();
      }
    });

    it('rolls back everything from a run in which one migration fails', async () => {
      const db = await harness.openEmpty();
      try {
        const run = migrate(db, [
          migration(1, 'good', 'CREATE TABLE good (x int)'),
          migration(2, 'bad', 'CREATE TABLE bad (x int); SELECT no_such_function();'),
        ]);
        await assert.rejects(
          run,
          (error: Error & { code?: string }) => error.code === 'STORAGE_MIGRATION_FAILED' && /0002_bad/.test(error.message),
        );
        assert.equal(await tableExists(db, 'good'), false);
        assert.equal(await tableExists(db, 'bad'), false);
        assert.equal(await tableExists(db, 'schema_migrations'), false);
      } finally {
        await db.close();
      }
    });

    it('reads only NNNN_name.sql files and refuses two files with one number', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'mailward-migrations-'));
      try {
        await writeFile(join(dir, '0002_second.sql'), 'SELECT 2;');
        await writeFile(join(dir, '0001_first.sql'), 'SELECT 1;');
        await writeFile(join(dir, 'README.md'), 'not a migration');
        const found = await loadMigrations(dir);
        assert.deepEqual(
          found.map((m) => [m.version, m.name, m.sql]),
          [
            [1, 'first', 'SELECT 1;'],
            [2, 'second', 'SELECT 2;'],
          ],
        );
        await writeFile(join(dir, '0001_again.sql'), 'SELECT 3;');
        await assert.rejects(loadMigrations(dir), { code: 'STORAGE_MIGRATION_FAILED' });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
