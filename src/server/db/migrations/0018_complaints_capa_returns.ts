import { type Kysely, sql } from 'kysely';

/**
 * SPEC §2: complaints (《客户投诉记录表》 on top of a service request of type 投诉), their steps with
 * their own clocks, compensation decided through the approval mechanism, CAPA (《纠正与预防措施报告》)
 * with actions, and returns (《退货通知单》 → receipt → inspection → disposition, 《返工通知单》).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE complaint (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      number text NOT NULL UNIQUE,
      ticket_id bigint NOT NULL UNIQUE REFERENCES ticket (id) ON DELETE RESTRICT,
      customer_id bigint REFERENCES customer (id) ON DELETE SET NULL,
      contact_id bigint REFERENCES contact (id) ON DELETE SET NULL,
      -- the class when the complaint came in, so last year's analysis does not move when a class changes
      customer_class text,
      channel text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      object_type text NOT NULL DEFAULT 'product'
        CHECK (object_type IN ('product', 'order', 'shipment', 'staff', 'service')),
      object_ref text,
      product text,
      category text NOT NULL DEFAULT 'other' CHECK (category IN (
        'quality_defect', 'not_as_ordered', 'out_of_tolerance', 'packaging', 'transport_damage',
        'service_attitude', 'delay', 'other')),
      severity text NOT NULL DEFAULT 'normal' CHECK (severity IN ('critical', 'major', 'normal', 'minor')),
      content text NOT NULL,
      reason text,
      demand text,
      contact_details text,
      promised_at timestamptz,
      stage text NOT NULL DEFAULT 'received',
      validity text NOT NULL DEFAULT 'pending' CHECK (validity IN ('pending', 'valid', 'not_valid')),
      responsible_department_id bigint REFERENCES department (id) ON DELETE SET NULL,
      owner_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      final_approval_request_id bigint REFERENCES approval_request (id) ON DELETE SET NULL,
      closure_confirmed_at timestamptz,
      closure_confirmed_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      closure_confirmation_note text,
      created_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    );
    CREATE INDEX complaint_stage_idx ON complaint (stage, id DESC);
    CREATE INDEX complaint_received_idx ON complaint (received_at);
    CREATE INDEX complaint_customer_idx ON complaint (customer_id, id DESC);
    CREATE INDEX complaint_owner_idx ON complaint (owner_user_id, stage, id DESC);
    CREATE INDEX complaint_repeat_idx ON complaint (product, category, received_at);
    CREATE INDEX complaint_closed_idx ON complaint (closed_at) WHERE closed_at IS NOT NULL;

    -- One row per step run (a step can run again, e.g. a final report sent back); the open row is the clock.
    CREATE TABLE complaint_step (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      complaint_id bigint NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
      step text NOT NULL,
      owner_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      owner_department_id bigint REFERENCES department (id) ON DELETE SET NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      due_at timestamptz,
      warn_at timestamptz,
      warned boolean NOT NULL DEFAULT false,
      breached boolean NOT NULL DEFAULT false,
      escalated_at timestamptz,
      completed_at timestamptz,
      completed_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      data jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX complaint_step_complaint_idx ON complaint_step (complaint_id, id);
    CREATE UNIQUE INDEX complaint_step_one_open_idx ON complaint_step (complaint_id) WHERE completed_at IS NULL;
    CREATE INDEX complaint_step_warn_idx ON complaint_step (warn_at) WHERE completed_at IS NULL AND NOT warned;
    CREATE INDEX complaint_step_due_idx ON complaint_step (due_at) WHERE completed_at IS NULL AND NOT breached;
    CREATE INDEX complaint_step_owner_idx ON complaint_step (owner_user_id) WHERE completed_at IS NULL;

    CREATE TABLE capa (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      number text NOT NULL UNIQUE,
      source text NOT NULL CHECK (source IN (
        'complaint', 'repeat', 'survey', 'quality_monitoring', 'audit', 'internal')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN (
        'proposed', 'open', 'in_progress', 'verifying', 'closed', 'dismissed')),
      title text NOT NULL,
      problem text NOT NULL,
      containment text,
      why_chain jsonb NOT NULL DEFAULT '[]',
      cause_category text CHECK (cause_category IN (
        'man', 'machine', 'material', 'method', 'environment', 'measurement', 'other')),
      root_cause text,
      product text,
      complaint_category text,
      owner_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      department_id bigint REFERENCES department (id) ON DELETE SET NULL,
      due_date date,
      verified_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      verified_at timestamptz,
      verification_result text CHECK (verification_result IN ('effective', 'not_effective')),
      verification_note text,
      dismiss_reason text,
      created_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    );
    CREATE INDEX capa_status_idx ON capa (status, id DESC);
    CREATE INDEX capa_owner_idx ON capa (owner_user_id, status);
    CREATE INDEX capa_repeat_idx ON capa (product, complaint_category) WHERE status NOT IN ('closed', 'dismissed');

    CREATE TABLE capa_complaint (
      capa_id bigint NOT NULL REFERENCES capa (id) ON DELETE CASCADE,
      complaint_id bigint NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
      PRIMARY KEY (capa_id, complaint_id)
    );
    CREATE INDEX capa_complaint_complaint_idx ON capa_complaint (complaint_id);

    -- corrective / preventive actions, and changes to a specification, standard or procedure (001 §3.3.2)
    CREATE TABLE capa_action (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      capa_id bigint NOT NULL REFERENCES capa (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('corrective', 'preventive', 'document_change')),
      description text NOT NULL,
      document_ref text,
      owner_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      due_date date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      done_at timestamptz,
      done_note text,
      escalated_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX capa_action_capa_idx ON capa_action (capa_id, id);
    CREATE INDEX capa_action_overdue_idx ON capa_action (due_date) WHERE status = 'open' AND escalated_at IS NULL;
    CREATE INDEX capa_action_owner_idx ON capa_action (owner_user_id) WHERE status = 'open';

    CREATE TABLE return_notice (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      number text NOT NULL UNIQUE,
      complaint_id bigint REFERENCES complaint (id) ON DELETE SET NULL,
      customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
      order_ref text,
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'notified' CHECK (status IN (
        'notified', 'received', 'inspected', 'disposed', 'closed', 'cancelled')),
      requested_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      received_at timestamptz,
      received_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      receipt_note text,
      inspected_at timestamptz,
      inspected_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      defect_confirmed boolean,
      inspection_note text,
      disposition text CHECK (disposition IN ('rework', 'replace', 'scrap', 'refund')),
      disposition_note text,
      disposed_at timestamptz,
      disposed_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      rework_number text UNIQUE,
      rework_instructions text,
      rework_due_date date,
      rework_done_at timestamptz,
      replacement_planned_date date,
      replacement_delivered_at timestamptz,
      refund_amount numeric(16, 2),
      cancel_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    );
    CREATE INDEX return_notice_status_idx ON return_notice (status, id DESC);
    CREATE INDEX return_notice_customer_idx ON return_notice (customer_id, id DESC);
    CREATE INDEX return_notice_complaint_idx ON return_notice (complaint_id) WHERE complaint_id IS NOT NULL;

    CREATE TABLE return_item (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      return_id bigint NOT NULL REFERENCES return_notice (id) ON DELETE CASCADE,
      position integer NOT NULL,
      product text NOT NULL,
      spec text,
      unit text,
      quantity numeric(14, 3) NOT NULL CHECK (quantity > 0),
      received_quantity numeric(14, 3) CHECK (received_quantity >= 0),
      defective_quantity numeric(14, 3) CHECK (defective_quantity >= 0),
      note text,
      UNIQUE (return_id, position)
    );

    -- 补货、补偿及赔偿 (001 §3.2.3): decided through the approval flow 'compensation' by amount.
    CREATE TABLE compensation (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      complaint_id bigint REFERENCES complaint (id) ON DELETE CASCADE,
      return_id bigint REFERENCES return_notice (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('replenishment', 'refund', 'repair', 'discount', 'indemnity')),
      amount numeric(16, 2) NOT NULL CHECK (amount >= 0),
      description text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN (
        'pending', 'approved', 'rejected', 'withdrawn', 'executed')),
      approval_request_id bigint REFERENCES approval_request (id) ON DELETE SET NULL,
      requested_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      decision_comment text,
      decided_at timestamptz,
      executed_at timestamptz,
      executed_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
      execution_note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (complaint_id IS NOT NULL OR return_id IS NOT NULL)
    );
    CREATE INDEX compensation_complaint_idx ON compensation (complaint_id, id) WHERE complaint_id IS NOT NULL;
    CREATE INDEX compensation_return_idx ON compensation (return_id, id) WHERE return_id IS NOT NULL;
    CREATE INDEX compensation_status_idx ON compensation (status, id DESC);

    ALTER TABLE attachment ADD COLUMN capa_id bigint REFERENCES capa (id) ON DELETE CASCADE;
    ALTER TABLE attachment ADD COLUMN return_id bigint REFERENCES return_notice (id) ON DELETE CASCADE;
    CREATE INDEX attachment_capa_idx ON attachment (capa_id) WHERE capa_id IS NOT NULL;
    CREATE INDEX attachment_return_idx ON attachment (return_id) WHERE return_id IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
