import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../../src/storage/db.ts';
import { openDb } from '../../../src/storage/open-db.ts';
import type { StorageHarness } from '../../../src/storage/testing/harness.ts';

/** The server every machine here runs (trust auth); override with TEST_POSTGRES_URL. */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a database with a random suffix, so parallel runs never meet. Returns its URL. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `mailward_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { name, url: urlFor(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  if (!/^mailward_test_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** PostgreSQL: one database for the shared suites, one more per empty database asked for. */
export function postgresHarness(): StorageHarness {
  const created: string[] = [];
  let shared: Promise<Db> | undefined;
  const fresh = async () => {
    const database = await createTestDatabase();
    created.push(database.name);
    return database.url;
  };
  return {
    name: 'postgres',
    shared() {
      shared ??= fresh().then((url) => openDb({ url }));
      return shared;
    },
    async openEmpty() {
      return openDb({ url: await fresh(), migrate: false });
    },
    async cleanup() {
      if (shared) await (await shared).close();
      for (const name of created) await dropTestDatabase(name);
    },
  };
}
