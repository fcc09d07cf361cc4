import { type Kysely, sql } from 'kysely';

/** Custom fields per request type, canned responses, links between requests and presence (collision warning). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ticket_field (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type_id bigint NOT NULL REFERENCES ticket_type (id) ON DELETE CASCADE,
      key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*$'),
      label jsonb NOT NULL,
      kind text NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice')),
      options jsonb NOT NULL DEFAULT '[]',
      required boolean NOT NULL DEFAULT false,
      sort_order integer NOT NULL DEFAULT 0,
      is_active boolean NOT NULL DEFAULT true,
      UNIQUE (type_id, key)
    );

    CREATE TABLE canned_response (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      title text NOT NULL,
      body text NOT NULL,
      category text,
      language text,
      owner_user_id bigint REFERENCES app_user (id) ON DELETE CASCADE,
      search_terms tsvector NOT NULL DEFAULT ''::tsvector,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX canned_response_owner_idx ON canned_response (owner_user_id);
    CREATE INDEX canned_response_search_idx ON canned_response USING gin (search_terms);

    CREATE TABLE ticket_link (
      ticket_id bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
      related_id bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
      kind text NOT NULL DEFAULT 'related' CHECK (kind IN ('related', 'split_from', 'merged_into')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (ticket_id, related_id),
      CHECK (ticket_id <> related_id)
    );
    CREATE INDEX ticket_link_related_idx ON ticket_link (related_id);

    CREATE TABLE ticket_presence (
      ticket_id bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      composing boolean NOT NULL DEFAULT false,
      seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (ticket_id, user_id)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
