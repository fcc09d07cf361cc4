import { type Kysely, sql } from 'kysely';

/**
 * Idempotency-Key of create requests (issue 9 item 6): a client that retries a create with the same key
 * gets the first answer instead of a second record. A key belongs to its caller (`principal`: `user:<id>`,
 * `contact:<id>` for portal contacts, `public` for the anonymous request form), so two callers' keys never
 * collide. `status` and `response` stay NULL while the first attempt runs; rows are removed after a day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE idempotency_key (
      principal text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      route text NOT NULL,
      body_hash text NOT NULL,
      request_id text NOT NULL,
      status integer,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (principal, key)
    );
    CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
