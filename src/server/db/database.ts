import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

// bigint ids stay far below 2^53, so they are numbers in JS; `date` columns stay 'yyyy-MM-dd' strings
// because a calendar date has no time zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Database = Kysely<DB>;

/**
 * The application's connection pool. No database fault may crash the process: pg emits 'error' on a
 * client whose connection ends (server stopped or restarted, backend terminated) and an 'error' event
 * nobody listens to throws. The pool listens while a client is idle; while one is checked out (a
 * Kysely query or transaction) only the listener added here does. The statement in flight rejects with
 * the same error, which the API answers as 503 DATABASE_UNAVAILABLE (http/errors.ts); the pool drops
 * the broken client and connects anew for the next request, so service resumes as soon as the server
 * is back. A server that does not answer at all fails a request after `connectionTimeoutMillis`.
 */
export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'qiao',
  });
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function createDatabase(pool: pg.Pool): Database {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Same server, another database name. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function ensureDatabaseExists(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
