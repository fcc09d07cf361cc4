import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, createPool, type Database, withDatabaseName } from '../db/database.ts';

export interface TestDatabase {
  url: string;
  name: string;
  db: Database;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('testServerUrl');
  const template = inject('testTemplateDatabase');
  // The global setup runs in the main process, so its pid names this run's databases.
  const runPid = template.split('_')[2];
  const name = `qiao_t_${runPid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
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
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      await client.end();
    },
  };
}
