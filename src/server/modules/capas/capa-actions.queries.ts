import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Permission } from '../../../shared/permissions.ts';
import type { CapaAction, DB } from '../../db/schema.ts';

function withOwner(db: Kysely<DB>) {
  return db
    .selectFrom('capa_action')
    .leftJoin('app_user', 'app_user.id', 'capa_action.owner_user_id')
    .selectAll('capa_action')
    .select('app_user.display_name as owner_name');
}
export type ActionRow = Awaited<ReturnType<ReturnType<typeof withOwner>['executeTakeFirstOrThrow']>>;

/** A report has a handful of actions; capped all the same. */
export function listActions(db: Kysely<DB>, capaId: number) {
  return withOwner(db)
    .where('capa_action.capa_id', '=', capaId)
    .orderBy('capa_action.id')
    .limit(500)
    .execute();
}

export function findAction(db: Kysely<DB>, capaId: number, actionId: number) {
  return withOwner(db)
    .where('capa_action.capa_id', '=', capaId)
    .where('capa_action.id', '=', actionId)
    .executeTakeFirst();
}

export function lockAction(db: Kysely<DB>, capaId: number, actionId: number) {
  return db
    .selectFrom('capa_action')
    .selectAll()
    .where('capa_id', '=', capaId)
    .where('id', '=', actionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertAction(db: Kysely<DB>, row: Insertable<CapaAction>) {
  return (await db.insertInto('capa_action').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAction(db: Kysely<DB>, id: number, patch: Updateable<CapaAction>) {
  await db.updateTable('capa_action').set(patch).where('id', '=', id).execute();
}

/** What the status guards need: how many actions are open, done, cancelled, and done since a moment. */
export async function actionTally(db: Kysely<DB>, capaId: number, doneAfterCreatedAt: Date | null) {
  const row = await db
    .selectFrom('capa_action')
    .select([
      sql<number>`count(*) FILTER (WHERE status = 'open')`.as('open'),
      sql<number>`count(*) FILTER (WHERE status = 'done')`.as('done'),
      sql<number>`count(*) FILTER (WHERE status = 'done' AND created_at > ${doneAfterCreatedAt ?? new Date(0)})`.as(
        'done_since',
      ),
    ])
    .where('capa_id', '=', capaId)
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), done: Number(row.done), doneSince: Number(row.done_since) };
}

// ── Escalation ───────────────────────────────────────────────────────────────────────────────────────

/** Open actions past their due date that were not escalated yet (partial index capa_action_overdue_idx). */
export function overdueUnescalated(db: Kysely<DB>, today: string, limit: number) {
  return db
    .selectFrom('capa_action')
    .innerJoin('capa', 'capa.id', 'capa_action.capa_id')
    .leftJoin('app_user', 'app_user.id', 'capa_action.owner_user_id')
    .select([
      'capa_action.id',
      'capa_action.capa_id',
      'capa_action.description',
      'capa_action.due_date',
      'capa_action.owner_user_id',
      'app_user.display_name as owner_name',
      'app_user.department_id as owner_department_id',
      'capa.number as capa_number',
      'capa.title as capa_title',
      'capa.owner_user_id as capa_owner_user_id',
    ])
    .where('capa_action.status', '=', 'open')
    .where('capa_action.escalated_at', 'is', null)
    .where('capa_action.due_date', '<', today)
    .orderBy('capa_action.id')
    .limit(limit)
    .execute();
}

/** Marks the action escalated unless another run did first; true when this call did. */
export async function markEscalated(db: Kysely<DB>, id: number, at: Date) {
  const row = await db
    .updateTable('capa_action')
    .set({ escalated_at: at })
    .where('id', '=', id)
    .where('escalated_at', 'is', null)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

// ── People ───────────────────────────────────────────────────────────────────────────────────────────

export async function isActiveUser(db: Kysely<DB>, id: number) {
  return !!(await db
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst());
}

export async function departmentExists(db: Kysely<DB>, id: number) {
  return !!(await db.selectFrom('department').select('id').where('id', '=', id).executeTakeFirst());
}

/** Active users whose roles grant the permission (the admin role holds every permission). */
export async function usersWithPermission(db: Kysely<DB>, permission: Permission, departmentId?: number) {
  let query = db
    .selectFrom('app_user')
    .select('app_user.id')
    .where('app_user.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role')
          .innerJoin('role', 'role.id', 'user_role.role_id')
          .select(sql`1`.as('one'))
          .whereRef('user_role.user_id', '=', 'app_user.id')
          .where(sql<boolean>`${permission} = ANY(role.permissions)`),
      ),
    );
  if (departmentId !== undefined) query = query.where('app_user.department_id', '=', departmentId);
  const rows = await query.orderBy('app_user.id').limit(500).execute();
  return rows.map((r) => r.id);
}
