import pg from 'pg';
import { type BackupHeader, importRows, readBackupHeader } from './backup.ts';
import { createDatabase, createPool, withDatabaseName } from './database.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';

/**
 * Restores a backup as database `target` on the server at `serverUrl`: loads it into a fresh database,
 * migrates that forward, then replaces `target`. Qiao must not be running against `target`.
 */
export async function restoreDatabase(
  serverUrl: string,
  target: string,
  file: string,
): Promise<BackupHeader> {
  const header = await readBackupHeader(file);
  const level = header.migrations.at(-1);
  if (!level) throw new Error('the backup has no migration level');
  const staging = `${target}_restore_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(staging)}`);
    const stagingUrl = withDatabaseName(serverUrl, staging);
    try {
      const db = createDatabase(createPool(stagingUrl, 2));
      try {
        await migrateTo(db, level);
      } finally {
        await db.destroy();
      }
      await importRows(stagingUrl, file);
      const forward = createDatabase(createPool(stagingUrl, 2));
      try {
        await migrateToLatest(forward);
      } finally {
        await forward.destroy();
      }
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(staging)} WITH (FORCE)`);
      throw error;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(target)} WITH (FORCE)`);
    await admin.query(
      `ALTER DATABASE ${admin.escapeIdentifier(staging)} RENAME TO ${admin.escapeIdentifier(target)}`,
    );
    return header;
  } finally {
    await admin.end();
  }
}
