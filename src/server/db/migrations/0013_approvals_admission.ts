import { type Kysely, sql } from 'kysely';

/**
 * A small reusable approval mechanism (ordered steps, each decided by a role or a named user) and its
 * first users: new-customer admission (《新客户申请表》) and credit-level adjustment requests. Complaints,
 * compensation and returns use the same tables later with their own `flow`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Who approves what: the routes of a flow whose condition matches become the steps, in position order.
    -- condition examples: {"creditLevels": ["III"]}, {"minAmount": 10000}; {} matches everything.
    CREATE TABLE approval_route (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      flow text NOT NULL,
      position integer NOT NULL DEFAULT 0,
      name text NOT NULL,
      condition jsonb NOT NULL DEFAULT '{}',
      approver_role_id bigint REFERENCES role (id) ON DELETE RESTRICT,
      approver_user_id bigint REFERENCES app_user (id) ON DELETE RESTRICT,
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((approver_role_id IS NULL) <> (approver_user_id IS NULL))
    );
    CREATE INDEX approval_route_flow_idx ON approval_route (flow, position);

    CREATE TABLE approval_request (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      flow text NOT NULL,
      entity_type text NOT NULL,
      entity_id bigint NOT NULL,
      title text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
      requested_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz
    );
    CREATE INDEX approval_request_entity_idx ON approval_request (entity_type, entity_id, id DESC);
    CREATE UNIQUE INDEX approval_request_one_pending_idx ON approval_request (flow, entity_type, entity_id)
      WHERE status = 'pending';
    CREATE INDEX approval_request_requester_idx ON approval_request (requested_by, id DESC);

    CREATE TABLE approval_step (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      request_id bigint NOT NULL REFERENCES approval_request (id) ON DELETE CASCADE,
      position integer NOT NULL,
      name text NOT NULL,
      approver_role_id bigint REFERENCES role (id) ON DELETE SET NULL,
      approver_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      status text NOT NULL CHECK (status IN ('waiting', 'pending', 'approved', 'rejected', 'skipped')),
      decided_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      decided_at timestamptz,
      comment text,
      UNIQUE (request_id, position)
    );
    CREATE INDEX approval_step_role_inbox_idx ON approval_step (approver_role_id, id DESC) WHERE status = 'pending';
    CREATE INDEX approval_step_user_inbox_idx ON approval_step (approver_user_id, id DESC) WHERE status = 'pending';
    CREATE INDEX approval_step_decider_idx ON approval_step (decided_by, decided_at DESC);

    -- 《新客户申请表》: the prospective customer is a customer row in lifecycle 'pending_approval'.
    CREATE TABLE customer_application (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      number text NOT NULL UNIQUE,
      customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      applicant_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      requested_class text CHECK (requested_class IN ('A', 'B', 'C')),
      requested_credit_level text NOT NULL CHECK (requested_credit_level IN ('I', 'II', 'III')),
      requested_credit_limit numeric(16, 2),
      requested_credit_period_days integer CHECK (requested_credit_period_days >= 0),
      expected_annual_sales numeric(16, 2),
      business_scope text,
      investigation_notes text NOT NULL,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')),
      decision_comment text,
      approval_request_id bigint REFERENCES approval_request (id) ON DELETE SET NULL,
      submitted_at timestamptz,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX customer_application_status_idx ON customer_application (status, id DESC);
    CREATE INDEX customer_application_customer_idx ON customer_application (customer_id, id DESC);
    CREATE INDEX customer_application_applicant_idx ON customer_application (applicant_user_id, id DESC);
    ALTER TABLE attachment ADD COLUMN customer_application_id bigint
      REFERENCES customer_application (id) ON DELETE CASCADE;
    CREATE INDEX attachment_application_idx ON attachment (customer_application_id)
      WHERE customer_application_id IS NOT NULL;

    -- 信用级别调整: asked for by sales, decided through the approval flow 'credit_change'.
    CREATE TABLE credit_change_request (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      requested_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      from_level text,
      to_level text NOT NULL CHECK (to_level IN ('I', 'II', 'III')),
      from_limit numeric(16, 2),
      to_limit numeric(16, 2),
      from_period_days integer,
      to_period_days integer CHECK (to_period_days >= 0),
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
      decision_comment text,
      approval_request_id bigint REFERENCES approval_request (id) ON DELETE SET NULL,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX credit_change_customer_idx ON credit_change_request (customer_id, id DESC);
    CREATE INDEX credit_change_status_idx ON credit_change_request (status, id DESC);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
