import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The real PostgreSQL of the test machine (trust auth); override for other setups. */
const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own with a random suffix, so runs never see each other's jobs. */
export async function createTempDatabase(purpose: string): Promise<TempDatabase> {
  const name = `mailward_${purpose}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdmin(action: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await action(client);
  } finally {
    await client.end();
  }
}
