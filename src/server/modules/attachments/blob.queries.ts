import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function insertChunk(db: Kysely<DB>, key: string, chunk: number, data: Buffer) {
  await db.insertInto('attachment_blob').values({ storage_key: key, chunk, data }).execute();
}

export async function readChunk(db: Kysely<DB>, key: string, chunk: number): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('attachment_blob')
    .select('data')
    .where('storage_key', '=', key)
    .where('chunk', '=', chunk)
    .executeTakeFirst();
  return row?.data;
}

export async function deleteBlob(db: Kysely<DB>, key: string) {
  await db.deleteFrom('attachment_blob').where('storage_key', '=', key).execute();
}

/** Chunks no attachment row names, left by an upload that failed or a process that died mid-upload. */
export async function deleteOrphanBlobs(db: Kysely<DB>, olderThanHours: number): Promise<number> {
  const result = await db
    .deleteFrom('attachment_blob')
    .where(
      'storage_key',
      'in',
      db
        .selectFrom('attachment_blob as b')
        .select('b.storage_key')
        .where('b.chunk', '=', 0)
        .where('b.created_at', '<', sql<Date>`now() - make_interval(hours => ${olderThanHours})`)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('attachment')
                .select('attachment.id')
                .whereRef('attachment.storage_key', '=', 'b.storage_key'),
            ),
          ),
        ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Storage keys of attachment rows in id order, a page at a time (moving files between stores). */
export function storageKeysAfter(db: Kysely<DB>, afterId: number, limit: number) {
  return db
    .selectFrom('attachment')
    .select(['id', 'storage_key', 'sha256'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function hasBlobs(db: Kysely<DB>): Promise<boolean> {
  return !!(await db.selectFrom('attachment_blob').select('chunk').limit(1).executeTakeFirst());
}
