import { type Kysely, sql } from 'kysely';

/**
 * Senders of the public request form are unverified (issue 10 item 7): the form makes each one a contact of
 * their own, flagged `unverified`, so that typing someone else's email or phone number never files a
 * request into that person's portal history or customer file. The flag is cleared — and the request moved
 * to the matching contact — when the sender confirms by the emailed link or an agent confirms them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE contact ADD COLUMN unverified boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
