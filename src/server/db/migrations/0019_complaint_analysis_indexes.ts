import { type Kysely, sql } from 'kysely';

/** The monthly complaint analysis reads a month of requests and of finished complaint steps by time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX IF NOT EXISTS ticket_created_idx ON ticket (created_at);
    CREATE INDEX complaint_step_completed_idx ON complaint_step (completed_at) WHERE completed_at IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
