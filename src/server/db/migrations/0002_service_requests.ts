import { type Kysely, sql } from 'kysely';

/**
 * Service requests (SPEC §1). Customers and contacts start here in the shape SPEC §3 needs; the
 * customer module adds to these tables rather than replacing them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      kind text NOT NULL DEFAULT 'company' CHECK (kind IN ('company', 'individual')),
      class text CHECK (class IN ('A', 'B', 'C')),
      phone text,
      email text,
      address text,
      advisor_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      search_terms tsvector NOT NULL DEFAULT ''::tsvector,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX customer_search_idx ON customer USING gin (search_terms);
    CREATE INDEX customer_advisor_idx ON customer (advisor_user_id);

    CREATE TABLE contact (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      customer_id bigint REFERENCES customer (id) ON DELETE CASCADE,
      name text NOT NULL,
      title text,
      phone text,
      mobile text,
      email text,
      preferred_channel text,
      search_terms tsvector NOT NULL DEFAULT ''::tsvector,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX contact_customer_idx ON contact (customer_id);
    CREATE INDEX contact_email_idx ON contact (lower(email));
    CREATE INDEX contact_phone_idx ON contact (phone);
    CREATE INDEX contact_mobile_idx ON contact (mobile);

    CREATE TABLE ticket_type (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE,
      label jsonb NOT NULL,
      is_active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0
    );

    CREATE TABLE ticket_category (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      parent_id bigint REFERENCES ticket_category (id) ON DELETE RESTRICT,
      label jsonb NOT NULL,
      is_active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0
    );

    CREATE TABLE team (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      lead_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE team_member (
      team_id bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      skills text[] NOT NULL DEFAULT '{}',
      languages text[] NOT NULL DEFAULT '{}',
      is_away boolean NOT NULL DEFAULT false,
      PRIMARY KEY (team_id, user_id)
    );
    CREATE INDEX team_member_user_idx ON team_member (user_id);

    CREATE TABLE sla_policy (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      position integer NOT NULL DEFAULT 0,
      conditions jsonb NOT NULL DEFAULT '{}',
      targets jsonb NOT NULL,
      clock text NOT NULL DEFAULT 'business' CHECK (clock IN ('business', 'calendar')),
      calendar_id bigint REFERENCES business_calendar (id) ON DELETE SET NULL,
      warning_percent integer NOT NULL DEFAULT 80 CHECK (warning_percent BETWEEN 1 AND 99),
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE ticket (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      number text NOT NULL UNIQUE,
      channel text NOT NULL,
      type_id bigint NOT NULL REFERENCES ticket_type (id),
      category_id bigint REFERENCES ticket_category (id),
      priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
      complexity text NOT NULL DEFAULT 'simple' CHECK (complexity IN ('simple', 'moderate', 'complex')),
      subject text NOT NULL,
      description text NOT NULL DEFAULT '',
      customer_id bigint REFERENCES customer (id) ON DELETE SET NULL,
      contact_id bigint REFERENCES contact (id) ON DELETE SET NULL,
      product text,
      order_ref text,
      shipment_ref text,
      status text NOT NULL DEFAULT 'new',
      stage text,
      assignee_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      team_id bigint REFERENCES team (id) ON DELETE SET NULL,
      language text,
      tags text[] NOT NULL DEFAULT '{}',
      custom_fields jsonb NOT NULL DEFAULT '{}',
      sla_policy_id bigint REFERENCES sla_policy (id) ON DELETE SET NULL,
      first_response_due_at timestamptz,
      first_response_warn_at timestamptz,
      first_responded_at timestamptz,
      resolution_due_at timestamptz,
      resolution_warn_at timestamptz,
      sla_paused_at timestamptz,
      first_response_breached boolean NOT NULL DEFAULT false,
      resolution_breached boolean NOT NULL DEFAULT false,
      merged_into_id bigint REFERENCES ticket (id),
      created_by_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      search_terms tsvector NOT NULL DEFAULT ''::tsvector,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      closed_at timestamptz
    );
    CREATE INDEX ticket_status_idx ON ticket (status, id DESC);
    CREATE INDEX ticket_assignee_idx ON ticket (assignee_id, status, id DESC);
    CREATE INDEX ticket_team_idx ON ticket (team_id, status, id DESC);
    CREATE INDEX ticket_customer_idx ON ticket (customer_id, id DESC);
    CREATE INDEX ticket_resolution_due_idx ON ticket (resolution_due_at) WHERE resolved_at IS NULL;
    CREATE INDEX ticket_first_response_due_idx ON ticket (first_response_due_at) WHERE first_responded_at IS NULL;
    CREATE INDEX ticket_search_idx ON ticket USING gin (search_terms);
    CREATE INDEX ticket_tags_idx ON ticket USING gin (tags);

    CREATE TABLE ticket_message (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      ticket_id bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('public', 'internal', 'system')),
      channel text,
      author_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      author_contact_id bigint REFERENCES contact (id) ON DELETE SET NULL,
      body text NOT NULL,
      search_terms tsvector NOT NULL DEFAULT ''::tsvector,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ticket_message_ticket_idx ON ticket_message (ticket_id, id);
    CREATE INDEX ticket_message_search_idx ON ticket_message USING gin (search_terms);

    CREATE TABLE ticket_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      ticket_id bigint NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      kind text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX ticket_event_ticket_idx ON ticket_event (ticket_id, id);
    CREATE INDEX ticket_event_breach_idx ON ticket_event (kind, occurred_at) WHERE kind LIKE 'sla.%';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
