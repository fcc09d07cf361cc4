import { type Kysely, sql } from 'kysely';

// Written as SQL: constraints, partial indexes and triggers read better here than in a builder.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisation (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      name text NOT NULL,
      short_name text,
      address text,
      phone text,
      email text,
      website text,
      time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
      default_locale text NOT NULL DEFAULT 'zh-CN' CHECK (default_locale IN ('zh-CN', 'zh-TW', 'en')),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE setting (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE number_pattern (
      kind text PRIMARY KEY,
      pattern text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- One row per kind and period (the date part of the pattern), bumped with UPDATE ... RETURNING
    -- so concurrent transactions queue on the row instead of racing.
    CREATE TABLE number_sequence (
      kind text NOT NULL,
      period text NOT NULL,
      last_value bigint NOT NULL,
      PRIMARY KEY (kind, period)
    );

    CREATE TABLE department (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      parent_id bigint REFERENCES department (id) ON DELETE RESTRICT,
      description text,
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX department_parent_idx ON department (parent_id);

    CREATE TABLE role (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      description text,
      permissions text[] NOT NULL DEFAULT '{}',
      is_system boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE app_user (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      username text NOT NULL,
      email text,
      display_name text NOT NULL,
      phone text,
      job_title text,
      department_id bigint REFERENCES department (id) ON DELETE SET NULL,
      locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'zh-TW', 'en')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      password_hash text,
      must_change_password boolean NOT NULL DEFAULT false,
      password_changed_at timestamptz,
      last_login_at timestamptz,
      search_terms tsvector NOT NULL DEFAULT ''::tsvector,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username));
    CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email)) WHERE email IS NOT NULL;
    CREATE INDEX app_user_department_idx ON app_user (department_id);
    CREATE INDEX app_user_search_idx ON app_user USING gin (search_terms);

    CREATE TABLE user_role (
      user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      role_id bigint NOT NULL REFERENCES role (id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, role_id)
    );
    CREATE INDEX user_role_role_idx ON user_role (role_id);

    CREATE TABLE session (
      id text PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      ip text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX session_user_idx ON session (user_id);
    CREATE INDEX session_expires_idx ON session (expires_at);

    CREATE TABLE api_token (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      token_prefix text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_token_user_idx ON api_token (user_id);

    -- Failed-login counters per account and per IP, shared by every app node.
    CREATE TABLE login_throttle (
      key text PRIMARY KEY,
      failures integer NOT NULL DEFAULT 0,
      window_started_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz
    );

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      actor_label text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      entity_label text,
      changes jsonb,
      ip text,
      request_id text
    );
    CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id DESC);
    CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id DESC);
    CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
    CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC);

    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

    CREATE TABLE business_calendar (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      time_zone text NOT NULL,
      weekly_hours jsonb NOT NULL,
      makeup_day_hours jsonb,
      is_default boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX business_calendar_one_default ON business_calendar (is_default) WHERE is_default;

    CREATE TABLE calendar_day (
      calendar_id bigint NOT NULL REFERENCES business_calendar (id) ON DELETE CASCADE,
      date date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name text,
      PRIMARY KEY (calendar_id, date)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
