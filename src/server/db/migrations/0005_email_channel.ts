import { type Kysely, sql } from 'kysely';

/**
 * The email channel (SPEC §1 多渠道接入): mailboxes polled over IMAP (or fed by the SMTP listener) and
 * answered over SMTP, every mail in or out kept once, and a secret per-request token that threads replies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mailbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      address text NOT NULL,
      imap_host text,
      imap_port integer NOT NULL DEFAULT 993 CHECK (imap_port BETWEEN 1 AND 65535),
      imap_tls boolean NOT NULL DEFAULT true,
      imap_user text,
      -- AES-256-GCM under the instance key (secret-box.ts), never returned by the API
      imap_password_enc text,
      imap_folder text NOT NULL DEFAULT 'INBOX',
      smtp_host text,
      smtp_port integer NOT NULL DEFAULT 465 CHECK (smtp_port BETWEEN 1 AND 65535),
      smtp_secure boolean NOT NULL DEFAULT true,
      smtp_user text,
      smtp_password_enc text,
      default_type_id bigint REFERENCES ticket_type (id) ON DELETE SET NULL,
      default_team_id bigint REFERENCES team (id) ON DELETE SET NULL,
      is_active boolean NOT NULL DEFAULT true,
      -- incremental IMAP polling: highest UID processed, valid only under this UIDVALIDITY
      last_uid bigint NOT NULL DEFAULT 0,
      uidvalidity bigint,
      last_polled_at timestamptz,
      last_error text,
      last_error_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX mailbox_address_idx ON mailbox (lower(address));

    -- One row per request that talks by email: the secret reply token and the mailbox it runs through.
    CREATE TABLE ticket_email_thread (
      ticket_id bigint PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE CHECK (length(token) >= 10),
      mailbox_id bigint REFERENCES mailbox (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- Every mail seen or sent: imported, skipped (auto-replies, bounces, loops), failed, queued, sent.
    CREATE TABLE ticket_email (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      mailbox_id bigint REFERENCES mailbox (id) ON DELETE SET NULL,
      direction text NOT NULL CHECK (direction IN ('in', 'out')),
      status text NOT NULL CHECK (status IN ('processing', 'imported', 'skipped', 'failed', 'queued', 'sent')),
      skip_reason text,
      ticket_id bigint REFERENCES ticket (id) ON DELETE CASCADE,
      ticket_message_id bigint REFERENCES ticket_message (id) ON DELETE CASCADE,
      message_id text NOT NULL,
      in_reply_to text,
      "references" text[] NOT NULL DEFAULT '{}',
      from_address text,
      from_name text,
      to_addresses text[] NOT NULL DEFAULT '{}',
      cc_addresses text[] NOT NULL DEFAULT '{}',
      subject text,
      raw_size integer,
      html_sanitised text,
      attachments jsonb NOT NULL DEFAULT '[]',
      attempts integer NOT NULL DEFAULT 0,
      job_id text,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX ticket_email_message_idx ON ticket_email (mailbox_id, message_id);
    CREATE INDEX ticket_email_message_id_idx ON ticket_email (message_id);
    CREATE INDEX ticket_email_ticket_idx ON ticket_email (ticket_id, id);
    CREATE INDEX ticket_email_ticket_message_idx ON ticket_email (ticket_message_id);
    CREATE INDEX ticket_email_mailbox_idx ON ticket_email (mailbox_id, id DESC);
    CREATE INDEX ticket_email_sender_idx ON ticket_email (lower(from_address), created_at) WHERE direction = 'in';
    CREATE INDEX ticket_email_queued_idx ON ticket_email (created_at) WHERE status = 'queued';
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
