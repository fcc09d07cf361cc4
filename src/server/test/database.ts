import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import {
  createDatabase,
  createPool,
  type Database,
  ensureDatabaseExists,
  withDatabaseName,
} from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export interface TestDatabase {
  url: string;
  name: string;
  db: Database;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file, cloned from the run's template. With `serverUrl` (a
 * server of the test's own, e.g. startPrivatePostgres()) it is created there and migrated instead.
 */
export async function createTestDatabase(options: { serverUrl?: string } = {}): Promise<TestDatabase> {
  if (options.serverUrl) return createMigratedDatabase(options.serverUrl);
  const serverUrl = inject('testServerUrl');
  const template = inject('testTemplateDatabase');
  // The global setup runs in the main process, so its pid names this run's databases.
  const runPid = template.split('_')[2];
  const name = `qiao_t_${runPid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  admin.on('error', () => {});
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(
          `CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)}`,
        );
        break;
      } catch (error) {
        // Two files cloning at the same instant: "source database is being accessed by other users".
        if (attempt > 20 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
      }
    }
  } finally {
    await admin.end();
  }
  return openTestDatabase(serverUrl, name);
}

async function createMigratedDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `qiao_private_${randomBytes(5).toString('hex')}`;
  await ensureDatabaseExists(serverUrl, name);
  const t = openTestDatabase(serverUrl, name);
  await migrateToLatest(t.db);
  return t;
}

function openTestDatabase(serverUrl: string, name: string): TestDatabase {
  const url = withDatabaseName(serverUrl, name);
  const pool = createPool(url, 5);
  const db = createDatabase(pool);
  return {
    url,
    name,
    db,
    pool,
    async drop() {
      await db.destroy();
      const client = new pg.Client({ connectionString: serverUrl });
      client.on('error', () => {});
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      await client.end();
    },
  };
}
