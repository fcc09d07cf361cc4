import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB, Department } from '../../db/schema.ts';
import type { DepartmentScope } from './departments.policy.ts';

function withUserCount(db: Kysely<DB>) {
  return db
    .selectFrom('department')
    .leftJoin('app_user as head', 'head.id', 'department.head_user_id')
    .selectAll('department')
    .select('head.display_name as head_name')
    .select((eb) =>
      eb
        .selectFrom('app_user')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('app_user.department_id', '=', 'department.id')
        .as('user_count'),
    );
}
export type DepartmentRow = Awaited<ReturnType<ReturnType<typeof withUserCount>['executeTakeFirstOrThrow']>>;

/** An organisation has tens of departments; the tree screen needs them all at once (capped). */
export function listDepartments(db: Kysely<DB>, _scope: DepartmentScope) {
  return withUserCount(db).orderBy('department.code').limit(1000).execute();
}

export function findDepartment(db: Kysely<DB>, id: number) {
  return withUserCount(db).where('department.id', '=', id).executeTakeFirst();
}

export async function insertDepartment(db: Kysely<DB>, row: Insertable<Department>) {
  return (await db.insertInto('department').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateDepartmentRow(db: Kysely<DB>, id: number, patch: Updateable<Department>) {
  await db
    .updateTable('department')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteDepartmentRow(db: Kysely<DB>, id: number) {
  await db.deleteFrom('department').where('id', '=', id).execute();
}

export async function hasChildren(db: Kysely<DB>, id: number) {
  return !!(await db.selectFrom('department').select('id').where('parent_id', '=', id).executeTakeFirst());
}

/** Ids of a department and every department below it. */
export async function subtreeIds(db: Kysely<DB>, id: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM department WHERE id = ${id}
      UNION ALL SELECT d.id FROM department d JOIN tree t ON d.parent_id = t.id
    ) SELECT id FROM tree`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

/** The head of a department, if it has an active one. */
export async function departmentHead(db: Kysely<DB>, departmentId: number | null): Promise<number | null> {
  if (!departmentId) return null;
  const row = await db
    .selectFrom('department')
    .innerJoin('app_user', 'app_user.id', 'department.head_user_id')
    .select('app_user.id')
    .where('department.id', '=', departmentId)
    .where('app_user.status', '=', 'active')
    .executeTakeFirst();
  return row?.id ?? null;
}
