import { type Kysely, sql } from 'kysely';

/** Files attached to requests and their messages; the bytes live in the attachment store, not the database. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE attachment (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      storage_key text NOT NULL UNIQUE,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
      sha256 text NOT NULL,
      ticket_id bigint REFERENCES ticket (id) ON DELETE CASCADE,
      message_id bigint REFERENCES ticket_message (id) ON DELETE SET NULL,
      uploaded_by_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      uploaded_by_contact_id bigint REFERENCES contact (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX attachment_ticket_idx ON attachment (ticket_id, id);
    CREATE INDEX attachment_message_idx ON attachment (message_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
