import { type Kysely, sql } from 'kysely';

/** 部门负责人: whom a department's overdue complaint steps and CAPA actions are escalated to. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE department ADD COLUMN head_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
