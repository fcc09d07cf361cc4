import { type Kysely, sql } from 'kysely';

/**
 * Attachment bytes in PostgreSQL (issue 9 item 5): the default store, so that any app node serves any
 * file and backups and replicas carry the files with the rows. A file is cut into chunks (rows of at
 * most 512 KiB) so that neither an upload nor a download holds a whole file in memory. Chunks are kept
 * uncompressed (`STORAGE EXTERNAL`): most attachments are already compressed (images, PDFs, Office files).
 * `storage_key` is the key the `attachment` row names; chunks are written before that row exists, so
 * there is no foreign key — a cleanup job removes chunks no row names after a day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE attachment_blob (
      storage_key text NOT NULL,
      chunk integer NOT NULL,
      data bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (storage_key, chunk)
    );
    ALTER TABLE attachment_blob ALTER COLUMN data SET STORAGE EXTERNAL;
    CREATE INDEX attachment_blob_created_idx ON attachment_blob (created_at) WHERE chunk = 0;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
