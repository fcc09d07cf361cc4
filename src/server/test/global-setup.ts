import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase, createPool, withDatabaseName } from '../db/database.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrateToLatest } from '../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testServerUrl: string;
    testTemplateDatabase: string;
  }
}

/**
 * One PostgreSQL per run: the embedded one (fsync off, in a temp dir) or TEST_DATABASE_URL.
 * A template database is migrated once; every test file clones its own from it.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tempDir = await mkdtemp(path.join(tmpdir(), 'qiao-test-'));
    embedded = await startEmbeddedPostgres({
      dataDir: tempDir,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    serverUrl = embedded.url;
  }
  const template = `qiao_template_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  admin.on('error', () => {});
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(template)}`);
  const pool = createPool(withDatabaseName(serverUrl, template), 2);
  const db = createDatabase(pool);
  await migrateToLatest(db);
  await db.destroy();

  project.provide('testServerUrl', serverUrl);
  project.provide('testTemplateDatabase', template);

  return async () => {
    // Drop what this run created on a shared server; an embedded one is thrown away whole.
    if (!embedded) {
      const rows = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`qiao_t_${process.pid}_%`],
      );
      for (const { datname } of rows.rows) {
        await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
      }
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(template)} WITH (FORCE)`);
    }
    await admin.end();
    await embedded?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
