import { type Kysely, sql } from 'kysely';

/**
 * 客户关怀 (000 §8.2): rules that send a greeting on contact birthdays, customer anniversaries (partner
 * since) and holidays, per customer class and channel; every greeting and gift is a care event on the
 * customer's timeline, sent at most once per rule, contact and occasion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE care_rule (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      event text NOT NULL CHECK (event IN ('birthday', 'anniversary', 'holiday')),
      holiday_on date,
      classes text[] NOT NULL DEFAULT '{A,B}',
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      days_before integer NOT NULL DEFAULT 0 CHECK (days_before BETWEEN 0 AND 60),
      gift text,
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (event <> 'holiday' OR holiday_on IS NOT NULL)
    );

    CREATE TABLE care_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      rule_id bigint REFERENCES care_rule (id) ON DELETE SET NULL,
      customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      contact_id bigint REFERENCES contact (id) ON DELETE SET NULL,
      event text NOT NULL CHECK (event IN ('birthday', 'anniversary', 'holiday', 'gift', 'visit', 'other')),
      occasion_on date NOT NULL,
      channel text,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'recorded', 'skipped')),
      skip_reason text,
      outbound_message_id bigint REFERENCES outbound_message (id) ON DELETE SET NULL,
      gift text,
      gift_cost numeric(12, 2),
      notes text,
      created_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX care_event_once_idx ON care_event (rule_id, contact_id, occasion_on)
      WHERE rule_id IS NOT NULL AND contact_id IS NOT NULL;
    CREATE UNIQUE INDEX care_event_once_customer_idx ON care_event (rule_id, customer_id, occasion_on)
      WHERE rule_id IS NOT NULL AND contact_id IS NULL;
    CREATE INDEX care_event_customer_idx ON care_event (customer_id, created_at DESC, id DESC);
    CREATE INDEX care_event_occasion_idx ON care_event (occasion_on DESC, id DESC);
    CREATE INDEX customer_anniversary_idx ON customer (extract(month FROM partner_since), extract(day FROM partner_since))
      WHERE partner_since IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
