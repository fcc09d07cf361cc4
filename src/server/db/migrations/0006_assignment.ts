import { type Kysely, sql } from 'kysely';

/** Assignment rules (SPEC §1 "自动分配给合适的工作人员") and round-robin state per team. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE team ADD COLUMN description text;
    ALTER TABLE team ADD COLUMN last_assigned_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL;
    ALTER TABLE team ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

    CREATE TABLE assignment_rule (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      position integer NOT NULL DEFAULT 0,
      is_active boolean NOT NULL DEFAULT true,
      conditions jsonb NOT NULL DEFAULT '{}',
      strategy text NOT NULL CHECK (strategy IN ('advisor_first', 'round_robin', 'least_loaded', 'skills')),
      team_id bigint REFERENCES team (id) ON DELETE SET NULL,
      required_skills text[] NOT NULL DEFAULT '{}',
      set_priority text CHECK (set_priority IN ('urgent', 'high', 'normal', 'low')),
      set_complexity text CHECK (set_complexity IN ('simple', 'moderate', 'complex')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX assignment_rule_position_idx ON assignment_rule (position, id) WHERE is_active;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
