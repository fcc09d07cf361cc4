import { type Kysely, sql } from 'kysely';

/**
 * 大客户管理 (003 ch.4): application and designation (through the approval flow `key_account`), the
 * management card (profile, decision makers, business volume, service plan), the countermeasure list
 * (大客户对策一览表) and the revisit rule. Interactions (大客户交往表) are customer activities.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE key_account (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      customer_id bigint NOT NULL UNIQUE REFERENCES customer (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'applied'
        CHECK (status IN ('applied', 'designated', 'rejected', 'withdrawn', 'revoked')),
      application_reason text NOT NULL,
      applied_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      approval_request_id bigint REFERENCES approval_request (id) ON DELETE SET NULL,
      decision_comment text,
      designated_at timestamptz,
      revoked_at timestamptz,
      revoked_reason text,
      specialist_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      profile text,
      decision_makers jsonb NOT NULL DEFAULT '[]',
      annual_volume numeric(16, 2),
      volume_notes text,
      service_plan text,
      revisit_interval_days integer NOT NULL DEFAULT 30 CHECK (revisit_interval_days BETWEEN 1 AND 730),
      last_revisit_at timestamptz,
      next_revisit_on date,
      revisit_reminded_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX key_account_status_idx ON key_account (status, id DESC);
    CREATE INDEX key_account_specialist_idx ON key_account (specialist_user_id, id DESC);
    CREATE INDEX key_account_revisit_idx ON key_account (next_revisit_on) WHERE status = 'designated';

    CREATE TABLE key_account_measure (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key_account_id bigint NOT NULL REFERENCES key_account (id) ON DELETE CASCADE,
      issue text NOT NULL,
      measure text NOT NULL,
      owner_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      due_on date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
      result text,
      completed_at timestamptz,
      created_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX key_account_measure_account_idx ON key_account_measure (key_account_id, id);
    CREATE INDEX key_account_measure_owner_idx ON key_account_measure (owner_user_id, status);
    CREATE INDEX key_account_measure_due_idx ON key_account_measure (due_on) WHERE status IN ('open', 'in_progress');
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
