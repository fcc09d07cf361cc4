import { createReadStream } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentStoreConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { StartupError } from '../../startup-error.ts';
import { hasBlobs, storageKeysAfter } from './blob.queries.ts';
import { databaseStore } from './database-store.ts';
import { s3Store } from './s3-store.ts';
import type { AttachmentStore } from './store.ts';

/** The configured store; an object store is asked for its bucket first, so a wrong setting stops the start. */
export async function openAttachmentStore(
  config: AttachmentStoreConfig,
  db: Database,
): Promise<AttachmentStore> {
  if (config.kind === 'database') return databaseStore(db);
  const store = s3Store(config);
  try {
    await store.check();
  } catch (error) {
    throw new StartupError(
      `the object store at ${config.endpoint} does not give bucket ${config.bucket} (${(error as Error).message}) — check QIAO_S3_ENDPOINT, QIAO_S3_BUCKET and the access keys`,
    );
  }
  return store;
}

/**
 * Earlier versions kept files under `<data dir>/attachments/<key>` on one node. Moves every file still
 * there into the configured store under its own key (the rows keep their keys), checking each against its
 * recorded SHA-256, and removes it from the disk. Runs at each start until the folder is empty; a file that
 * fails stays where it is and is named in the log.
 */
export async function moveLegacyFiles(
  db: Database,
  store: AttachmentStore,
  folder: string,
  log: (msg: string) => void,
): Promise<{ moved: number; failed: number }> {
  const exists = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) return { moved: 0, failed: 0 };
  let moved = 0;
  let failed = 0;
  for (let after = 0; ; ) {
    const rows = await storageKeysAfter(db, after, 500);
    if (rows.length === 0) break;
    after = rows.at(-1)?.id ?? after;
    for (const row of rows) {
      const file = path.join(folder, row.storage_key);
      if (!(await stat(file).catch(() => null))) continue;
      try {
        const stored = await store.put(createReadStream(file), {
          maxBytes: Number.MAX_SAFE_INTEGER,
          key: row.storage_key,
        });
        if (stored.sha256 !== row.sha256)
          throw new Error('its content differs from the SHA-256 recorded at upload');
        await rm(file);
        moved++;
      } catch (error) {
        failed++;
        log(`attachment ${row.id} (${file}) was not moved: ${(error as Error).message}`);
      }
    }
  }
  await removeEmptyFolders(folder);
  if (moved || failed)
    log(`attachments moved from ${folder} into the ${store.kind} store: ${moved} moved, ${failed} left`);
  return { moved, failed };
}

/**
 * An installation that moves to an object store: the files still in PostgreSQL (rows of attachment_blob,
 * also those a restore of a database-store backup brought) move into the object store, each checked
 * against its SHA-256, and leave the database.
 */
export async function moveDatabaseFiles(
  db: Database,
  store: AttachmentStore,
  log: (msg: string) => void,
): Promise<number> {
  if (store.kind === 'database' || !(await hasBlobs(db))) return 0;
  const source = databaseStore(db);
  let moved = 0;
  for (let after = 0; ; ) {
    const rows = await storageKeysAfter(db, after, 500);
    if (rows.length === 0) break;
    after = rows.at(-1)?.id ?? after;
    for (const row of rows) {
      const bytes = await source.open(row.storage_key).catch(() => null);
      if (!bytes) continue;
      const stored = await store.put(bytes, { maxBytes: Number.MAX_SAFE_INTEGER, key: row.storage_key });
      if (stored.sha256 !== row.sha256) {
        log(`attachment ${row.id} was not moved: its content differs from the SHA-256 recorded at upload`);
        continue;
      }
      await source.remove(row.storage_key);
      moved++;
    }
  }
  if (moved) log(`attachments moved from the database into the object store: ${moved}`);
  return moved;
}

async function removeEmptyFolders(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) await removeEmptyFolders(path.join(folder, entry.name));
  }
  await rmdir(folder).catch(() => {});
}
