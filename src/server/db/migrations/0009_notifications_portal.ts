import { type Kysely, sql } from 'kysely';

/** In-app notifications, the outbound message log (email/SMS), templates, and customer portal accounts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notification (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      kind text NOT NULL,
      title text NOT NULL,
      body text,
      link text,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX notification_user_idx ON notification (user_id, id DESC);
    CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;

    CREATE TABLE outbound_message (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      recipient text NOT NULL,
      subject text,
      body text NOT NULL,
      template_key text,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'logged', 'failed')),
      provider text,
      attempts integer NOT NULL DEFAULT 0,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX outbound_message_pending_idx ON outbound_message (id) WHERE status IN ('queued', 'failed');
    CREATE INDEX outbound_message_recipient_idx ON outbound_message (recipient, id DESC);

    CREATE TABLE message_template (
      key text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'sms', 'in_app')),
      locale text NOT NULL CHECK (locale IN ('zh-CN', 'zh-TW', 'en')),
      subject text,
      body text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (key, channel, locale)
    );

    CREATE TABLE portal_account (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      contact_id bigint NOT NULL UNIQUE REFERENCES contact (id) ON DELETE CASCADE,
      email text NOT NULL,
      password_hash text,
      locale text NOT NULL DEFAULT 'zh-CN',
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'disabled')),
      email_verified_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX portal_account_email_key ON portal_account (lower(email));

    CREATE TABLE portal_session (
      id text PRIMARY KEY,
      account_id bigint NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      ip text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX portal_session_account_idx ON portal_session (account_id);

    -- One-time links: e-mail verification, invitation, password reset (stored hashed).
    CREATE TABLE portal_token (
      token_hash text PRIMARY KEY,
      account_id bigint NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('verify', 'invite', 'reset')),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX portal_token_account_idx ON portal_token (account_id);

    ALTER TABLE ticket ADD COLUMN satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5);
    ALTER TABLE ticket ADD COLUMN satisfaction_comment text;
    ALTER TABLE ticket ADD COLUMN rated_at timestamptz;
    CREATE INDEX ticket_contact_idx ON ticket (contact_id, id DESC);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
