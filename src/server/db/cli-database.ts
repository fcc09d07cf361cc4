import pg from 'pg';
import { loadDotEnv, readConfig } from '../config.ts';
import { ensureDatabaseExists, withDatabaseName } from './database.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface CliDatabase {
  /** The Qiao database. */
  url: string;
  /** The server's maintenance database (to create/drop databases). */
  serverUrl: string;
  name: string;
  /** false when a running Qiao owns the embedded server (then it is left running). */
  exclusive: boolean;
  close(): Promise<void>;
}

/**
 * The database the npm scripts (db:migrate, db:backup, db:restore, seed:demo) work on: DATABASE_URL,
 * or the embedded server under QIAO_DATA_DIR — started for the script, or shared with a running Qiao.
 */
export async function openCliDatabase(): Promise<CliDatabase> {
  loadDotEnv();
  const config = readConfig();
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    const name = new URL(url).pathname.slice(1) || 'postgres';
    return {
      url,
      serverUrl: withDatabaseName(url, 'postgres'),
      name,
      exclusive: true,
      close: async () => {},
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    log: (m) => console.log(`[qiao] ${m}`),
  });
  await ensureDatabaseExists(embedded.url, 'qiao');
  const url = withDatabaseName(embedded.url, 'qiao');
  // A running Qiao holds the instance lock in database `qiao` (see instance.ts).
  const lock = new pg.Client({ connectionString: url });
  // A connection cut during this check rejects the query below; unheard, its 'error' event would crash.
  lock.on('error', () => {});
  await lock.connect();
  const { rows } = await lock.query<{ ok: boolean }>(
    "SELECT pg_try_advisory_lock(hashtext('qiao-embedded-instance')) AS ok",
  );
  const exclusive = !!rows[0]?.ok;
  await lock.end();
  return {
    url,
    serverUrl: embedded.url,
    name: 'qiao',
    exclusive,
    async close() {
      if (exclusive) await embedded.stop();
    },
  };
}
