import { type Kysely, sql } from 'kysely';

/**
 * The customer file (SPEC §3, 《客户一览表》): the minimal customer/contact rows of 0002 grow into the
 * full record in place, so every existing customer, contact and their requests keep their ids.
 * Bank account and ID numbers are stored only encrypted (…_enc, instance key) plus their last four
 * characters for masked display and duplicate hints.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE customer
      ADD COLUMN short_name text,
      ADD COLUMN postal_code text,
      ADD COLUMN fax text,
      ADD COLUMN website text,
      ADD COLUMN bank_name text,
      ADD COLUMN bank_account_enc text,
      ADD COLUMN bank_account_last4 text,
      ADD COLUMN tax_id text,
      ADD COLUMN id_number_enc text,
      ADD COLUMN id_number_last4 text,
      ADD COLUMN industry text,
      ADD COLUMN region text,
      ADD COLUMN source text,
      ADD COLUMN annual_sales numeric(16, 2),
      ADD COLUMN sales_year integer,
      ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
      ADD COLUMN notes text,
      ADD COLUMN class_reason text,
      ADD COLUMN class_changed_at timestamptz,
      ADD COLUMN credit_level text CHECK (credit_level IN ('I', 'II', 'III')),
      ADD COLUMN credit_limit numeric(16, 2),
      ADD COLUMN credit_period_days integer CHECK (credit_period_days >= 0),
      ADD COLUMN lifecycle text NOT NULL DEFAULT 'active'
        CHECK (lifecycle IN ('prospect', 'pending_approval', 'active', 'dormant', 'lost')),
      ADD COLUMN lifecycle_changed_at timestamptz,
      ADD COLUMN lost_reason text,
      ADD COLUMN owner_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      ADD COLUMN partner_since date,
      ADD COLUMN last_activity_at timestamptz,
      ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN merged_into_id bigint REFERENCES customer (id) ON DELETE SET NULL,
      ADD COLUMN created_by bigint REFERENCES app_user (id) ON DELETE SET NULL;

    UPDATE customer SET last_activity_at = updated_at;

    CREATE INDEX customer_list_idx ON customer (id DESC) WHERE merged_into_id IS NULL;
    CREATE INDEX customer_class_idx ON customer (class, id DESC);
    CREATE INDEX customer_credit_idx ON customer (credit_level, id DESC);
    CREATE INDEX customer_lifecycle_idx ON customer (lifecycle, id DESC);
    CREATE INDEX customer_region_idx ON customer (region, id DESC);
    CREATE INDEX customer_industry_idx ON customer (industry, id DESC);
    CREATE INDEX customer_owner_idx ON customer (owner_user_id);
    CREATE INDEX customer_tags_idx ON customer USING gin (tags);
    CREATE INDEX customer_name_idx ON customer (lower(name));
    CREATE INDEX customer_name_sort_idx ON customer (name, id);
    CREATE INDEX customer_activity_sort_idx ON customer (last_activity_at DESC NULLS LAST, id DESC);
    CREATE INDEX customer_tax_idx ON customer (tax_id) WHERE tax_id IS NOT NULL;
    CREATE INDEX customer_phone_idx ON customer (phone) WHERE phone IS NOT NULL;
    CREATE INDEX customer_dormancy_idx ON customer (last_activity_at) WHERE lifecycle = 'active';

    ALTER TABLE contact
      ADD COLUMN department text,
      ADD COLUMN wechat text,
      ADD COLUMN birthday date,
      ADD COLUMN is_primary boolean NOT NULL DEFAULT false,
      ADD COLUMN is_active boolean NOT NULL DEFAULT true,
      ADD COLUMN notes text;
    CREATE INDEX contact_birthday_idx ON contact (extract(month FROM birthday), extract(day FROM birthday))
      WHERE birthday IS NOT NULL;

    -- Notes, visits, meetings and other contacts with the customer recorded by staff (timeline entries).
    CREATE TABLE customer_activity (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      contact_id bigint REFERENCES contact (id) ON DELETE SET NULL,
      kind text NOT NULL CHECK (kind IN ('note', 'visit', 'meeting', 'call', 'email', 'chat', 'care', 'other')),
      subject text NOT NULL,
      body text,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX customer_activity_timeline_idx ON customer_activity (customer_id, occurred_at DESC, id DESC);

    -- The customer's last contact with us, for dormancy and the list; kept by the rows that are contact.
    CREATE FUNCTION customer_touch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.customer_id IS NOT NULL THEN
        UPDATE customer SET last_activity_at = greatest(coalesce(last_activity_at, NEW.created_at), NEW.created_at)
        WHERE id = NEW.customer_id;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER ticket_touches_customer AFTER INSERT ON ticket
      FOR EACH ROW EXECUTE FUNCTION customer_touch();
    CREATE TRIGGER call_touches_customer AFTER INSERT ON call_record
      FOR EACH ROW EXECUTE FUNCTION customer_touch();
    CREATE TRIGGER activity_touches_customer AFTER INSERT ON customer_activity
      FOR EACH ROW EXECUTE FUNCTION customer_touch();

    -- Files kept with the customer (licences, contracts, investigation documents).
    ALTER TABLE attachment ADD COLUMN customer_id bigint REFERENCES customer (id) ON DELETE CASCADE;
    CREATE INDEX attachment_customer_idx ON attachment (customer_id) WHERE customer_id IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
