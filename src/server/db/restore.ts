import { open } from 'node:fs/promises';
import pg from 'pg';
import type { AttachmentStoreConfig } from '../config.ts';
import { databaseStore } from '../modules/attachments/database-store.ts';
import { s3Store } from '../modules/attachments/s3-store.ts';
import { StartupError } from '../startup-error.ts';
import { type BackupHeader, importRows, readBackupHeader } from './backup.ts';
import { createDatabase, createPool, withDatabaseName } from './database.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';

/**
 * The header of backup `file`, or one line saying why it is not a Qiao backup (not gzip, not our
 * header, damaged, missing) — checked before any database is touched.
 */
export async function checkBackupFile(file: string): Promise<BackupHeader> {
  const notABackup = (reason: string) =>
    new StartupError(`${file} is not a Qiao backup (${reason}) — give a file made by npm run db:backup`);
  const magic = Buffer.alloc(2);
  try {
    const handle = await open(file, 'r');
    try {
      await handle.read(magic, 0, 2, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw notABackup(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : String(code));
  }
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw notABackup('not gzip-compressed');
  let header: BackupHeader;
  try {
    header = await readBackupHeader(file);
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (error instanceof SyntaxError) throw notABackup('its first line is not JSON');
    if (typeof code === 'string' && code.startsWith('Z_')) throw notABackup('the gzip data is damaged');
    if (message === 'empty backup file') throw notABackup('it is empty');
    throw notABackup('its first line is not a Qiao backup header');
  }
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables))
    throw notABackup('its first line is not a Qiao backup header');
  return header;
}

/**
 * Restores a backup as database `target` on the server at `serverUrl`: loads it into a fresh database,
 * migrates that forward, then replaces `target`. Qiao must not be running against `target`.
 */
export async function restoreDatabase(
  serverUrl: string,
  target: string,
  file: string,
  options: { attachmentStore?: AttachmentStoreConfig } = {},
): Promise<BackupHeader> {
  const header = await checkBackupFile(file);
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
      // Files of an object-store backup go where the restored instance keeps files.
      const storeConfig = options.attachmentStore ?? { kind: 'database' };
      const stagingDb = createDatabase(createPool(stagingUrl, 2));
      try {
        const objects = storeConfig.kind === 's3' ? s3Store(storeConfig) : databaseStore(stagingDb);
        await importRows(stagingUrl, file, objects);
      } finally {
        await stagingDb.destroy();
      }
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
