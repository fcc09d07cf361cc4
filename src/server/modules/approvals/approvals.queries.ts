import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ApprovalRoute, DB } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';

// ── Routes ────────────────────────────────────────────────────────────────────────────────────────────

function routesWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('approval_route')
    .leftJoin('role', 'role.id', 'approval_route.approver_role_id')
    .leftJoin('app_user', 'app_user.id', 'approval_route.approver_user_id')
    .selectAll('approval_route')
    .select(['role.name as role_name', 'app_user.display_name as user_name']);
}
export type RouteRow = Awaited<ReturnType<ReturnType<typeof routesWithNames>['executeTakeFirstOrThrow']>>;

/** A flow has a handful of routes; the settings screen shows them all (capped). */
export function listRoutes(db: Kysely<DB>, flow?: string) {
  let query = routesWithNames(db)
    .orderBy('approval_route.flow')
    .orderBy('approval_route.position')
    .orderBy('approval_route.id')
    .limit(500);
  if (flow) query = query.where('approval_route.flow', '=', flow);
  return query.execute();
}

export const findRoute = (db: Kysely<DB>, id: number) =>
  routesWithNames(db).where('approval_route.id', '=', id).executeTakeFirst();

export function activeRoutes(db: Kysely<DB>, flow: string) {
  return db
    .selectFrom('approval_route')
    .selectAll()
    .where('flow', '=', flow)
    .where('is_active', '=', true)
    .orderBy('position')
    .orderBy('id')
    .limit(100)
    .execute();
}

export async function insertRoute(db: Kysely<DB>, row: Insertable<ApprovalRoute>) {
  return (await db.insertInto('approval_route').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRouteRow(db: Kysely<DB>, id: number, patch: Updateable<ApprovalRoute>) {
  await db
    .updateTable('approval_route')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteRouteRow(db: Kysely<DB>, id: number) {
  await db.deleteFrom('approval_route').where('id', '=', id).execute();
}

export async function flowHasRoutes(db: Kysely<DB>, flow: string) {
  return !!(await db.selectFrom('approval_route').select('id').where('flow', '=', flow).executeTakeFirst());
}

export const roleIdByCode = async (db: Kysely<DB>, code: string) =>
  (await db.selectFrom('role').select('id').where('code', '=', code).executeTakeFirst())?.id;

export const roleExists = async (db: Kysely<DB>, id: number) =>
  !!(await db.selectFrom('role').select('id').where('id', '=', id).executeTakeFirst());

export const activeUserExists = async (db: Kysely<DB>, id: number) =>
  !!(await db
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst());

// ── Requests and steps ────────────────────────────────────────────────────────────────────────────────

export async function insertRequest(db: Kysely<DB>, row: Insertable<DB['approval_request']>) {
  return db.insertInto('approval_request').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertSteps(db: Kysely<DB>, rows: Insertable<DB['approval_step']>[]) {
  await db.insertInto('approval_step').values(rows).execute();
}

/** The pending request of a flow on one record, if any (one at a time). */
export function findPendingRequest(db: Kysely<DB>, flow: string, entityType: string, entityId: number) {
  return db
    .selectFrom('approval_request')
    .select('id')
    .where('flow', '=', flow)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function findRequest(db: Kysely<DB>, id: number, lock = false) {
  const query = db
    .selectFrom('approval_request')
    .leftJoin('app_user', 'app_user.id', 'approval_request.requested_by')
    .selectAll('approval_request')
    .select('app_user.display_name as requester_name')
    .where('approval_request.id', '=', id);
  return (lock ? query.forUpdate('approval_request') : query).executeTakeFirst();
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export function stepsOf(db: Kysely<DB>, requestIds: number[]) {
  if (!requestIds.length) return Promise.resolve([]);
  return db
    .selectFrom('approval_step')
    .leftJoin('role', 'role.id', 'approval_step.approver_role_id')
    .leftJoin('app_user as approver', 'approver.id', 'approval_step.approver_user_id')
    .leftJoin('app_user as decider', 'decider.id', 'approval_step.decided_by')
    .selectAll('approval_step')
    .select([
      'role.name as role_name',
      'approver.display_name as approver_name',
      'decider.display_name as decider_name',
    ])
    .where('approval_step.request_id', 'in', requestIds)
    .orderBy('approval_step.request_id')
    .orderBy('approval_step.position')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

export function findStep(db: Kysely<DB>, id: number) {
  return db.selectFrom('approval_step').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateStep(db: Kysely<DB>, id: number, patch: Updateable<DB['approval_step']>) {
  await db.updateTable('approval_step').set(patch).where('id', '=', id).execute();
}

/** The next step after `position` that is still waiting, if any. */
export function nextWaitingStep(db: Kysely<DB>, requestId: number, position: number) {
  return db
    .selectFrom('approval_step')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('position', '>', position)
    .where('status', '=', 'waiting')
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
}

export async function skipOpenSteps(db: Kysely<DB>, requestId: number) {
  await db
    .updateTable('approval_step')
    .set({ status: 'skipped' })
    .where('request_id', '=', requestId)
    .where('status', 'in', ['waiting', 'pending'])
    .execute();
}

export async function finishRequest(db: Kysely<DB>, id: number, status: string) {
  await db
    .updateTable('approval_request')
    .set({ status, decided_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Requests of one record, newest first (a record is rarely asked about more than a few times). */
export function requestsOf(db: Kysely<DB>, entityType: string, entityId: number) {
  return db
    .selectFrom('approval_request')
    .leftJoin('app_user', 'app_user.id', 'approval_request.requested_by')
    .selectAll('approval_request')
    .select('app_user.display_name as requester_name')
    .where('approval_request.entity_type', '=', entityType)
    .where('approval_request.entity_id', '=', entityId)
    .orderBy('approval_request.id', 'desc')
    .limit(100)
    .execute();
}

// ── Who may decide ────────────────────────────────────────────────────────────────────────────────────

export async function roleIdsOf(db: Kysely<DB>, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('user_role').select('role_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role_id);
}

/** Active users who may decide a step: holders of its role, or its named user. */
export async function approverUserIds(
  db: Kysely<DB>,
  step: { approver_role_id: number | null; approver_user_id: number | null },
): Promise<number[]> {
  if (step.approver_user_id) return [step.approver_user_id];
  if (!step.approver_role_id) return [];
  const rows = await db
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select('app_user.id')
    .where('user_role.role_id', '=', step.approver_role_id)
    .where('app_user.status', '=', 'active')
    .limit(500)
    .execute();
  return rows.map((r) => r.id);
}

/** Pending steps the user may decide (not on their own requests), newest first, keyset by step id. */
export function inbox(
  db: Kysely<DB>,
  f: {
    userId: number;
    roleIds: number[];
    flow?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  let query = db
    .selectFrom('approval_step')
    .innerJoin('approval_request', 'approval_request.id', 'approval_step.request_id')
    .leftJoin('app_user', 'app_user.id', 'approval_request.requested_by')
    .select([
      'approval_step.id as step_id',
      'approval_step.name as step_name',
      'approval_step.position as step_position',
      'approval_request.id as request_id',
      'approval_request.flow',
      'approval_request.entity_type',
      'approval_request.entity_id',
      'approval_request.title',
      'approval_request.requested_by',
      'approval_request.requested_at',
      'app_user.display_name as requester_name',
      sql<number>`(SELECT count(*) FROM approval_step s WHERE s.request_id = approval_request.id)`.as(
        'step_count',
      ),
    ])
    .where('approval_step.status', '=', 'pending')
    .where('approval_request.status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('approval_step.approver_user_id', '=', f.userId),
        ...(f.roleIds.length ? [eb('approval_step.approver_role_id', 'in', f.roleIds)] : []),
      ]),
    )
    .where(sql<boolean>`approval_request.requested_by IS DISTINCT FROM ${f.userId}`)
    .orderBy('approval_step.id', 'desc')
    .limit(f.limit + 1);
  if (f.flow) query = query.where('approval_request.flow', '=', f.flow);
  if (f.cursor) query = query.where('approval_step.id', '<', cursorId(f.cursor));
  return query.execute();
}
export type InboxRow = Awaited<ReturnType<typeof inbox>>[number];
