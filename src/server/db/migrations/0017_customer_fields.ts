import { type Kysely, sql } from 'kysely';

/** Custom fields of the customer file, defined by an administrator (same kinds as request fields). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer_field (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]*$'),
      label jsonb NOT NULL,
      kind text NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice')),
      options jsonb NOT NULL DEFAULT '[]',
      required boolean NOT NULL DEFAULT false,
      sort_order integer NOT NULL DEFAULT 0,
      is_active boolean NOT NULL DEFAULT true
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
