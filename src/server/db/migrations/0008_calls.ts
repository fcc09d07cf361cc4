import { type Kysely, sql } from 'kysely';

/** Phone calls (呼入/呼出记录, SPEC §1 phone channel and §8): logged by agents or posted by a telephony system. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE call_record (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      external_id text UNIQUE,
      direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
      number text NOT NULL,
      contact_id bigint REFERENCES contact (id) ON DELETE SET NULL,
      customer_id bigint REFERENCES customer (id) ON DELETE SET NULL,
      agent_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      ticket_id bigint REFERENCES ticket (id) ON DELETE SET NULL,
      state text NOT NULL DEFAULT 'ended' CHECK (state IN ('ringing', 'answered', 'ended', 'missed')),
      started_at timestamptz NOT NULL DEFAULT now(),
      answered_at timestamptz,
      ended_at timestamptz,
      duration_seconds integer CHECK (duration_seconds >= 0),
      purpose text,
      result text,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX call_record_started_idx ON call_record (started_at DESC, id DESC);
    CREATE INDEX call_record_contact_idx ON call_record (contact_id, id DESC);
    CREATE INDEX call_record_customer_idx ON call_record (customer_id, id DESC);
    CREATE INDEX call_record_agent_idx ON call_record (agent_user_id, id DESC);
    CREATE INDEX call_record_ticket_idx ON call_record (ticket_id);
    CREATE INDEX call_record_number_idx ON call_record (number);

    -- Callers are matched by the digits of a number, however it was written ("139-1234-5678", "+86 139…").
    CREATE INDEX contact_phone_digits_idx ON contact (regexp_replace(phone, '\\D', '', 'g'));
    CREATE INDEX contact_mobile_digits_idx ON contact (regexp_replace(mobile, '\\D', '', 'g'));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
