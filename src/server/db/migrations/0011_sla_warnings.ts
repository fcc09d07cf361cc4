import { type Kysely, sql } from 'kysely';

/** 预警: remember that the early warning of each clock was sent, so it is sent once. Plus list sorting indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE ticket ADD COLUMN first_response_warned boolean NOT NULL DEFAULT false;
    ALTER TABLE ticket ADD COLUMN resolution_warned boolean NOT NULL DEFAULT false;
    CREATE INDEX ticket_first_response_warn_idx ON ticket (first_response_warn_at)
      WHERE first_responded_at IS NULL AND NOT first_response_warned;
    CREATE INDEX ticket_resolution_warn_idx ON ticket (resolution_warn_at)
      WHERE resolved_at IS NULL AND NOT resolution_warned;
    CREATE INDEX ticket_updated_idx ON ticket (updated_at DESC, id DESC);
    CREATE INDEX ticket_due_sort_idx ON ticket (resolution_due_at ASC NULLS LAST, id ASC);
    CREATE INDEX ticket_category_idx ON ticket (category_id, id DESC);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
