import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ComplaintListQuery } from '../../../shared/schemas/complaints.ts';
import type { Complaint, ComplaintStep, DB } from '../../db/schema.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import type { ComplaintScope } from './complaints.policy.ts';

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('complaint')
    .innerJoin('ticket', 'ticket.id', 'complaint.ticket_id')
    .leftJoin('customer', 'customer.id', 'complaint.customer_id')
    .leftJoin('contact', 'contact.id', 'complaint.contact_id')
    .leftJoin('department', 'department.id', 'complaint.responsible_department_id')
    .leftJoin('app_user as owner', 'owner.id', 'complaint.owner_user_id')
    .leftJoin('complaint_step as open_step', (join) =>
      join.onRef('open_step.complaint_id', '=', 'complaint.id').on('open_step.completed_at', 'is', null),
    )
    .leftJoin('app_user as step_owner', 'step_owner.id', 'open_step.owner_user_id')
    .selectAll('complaint')
    .select([
      'ticket.number as ticket_number',
      'ticket.subject as subject',
      'customer.name as customer_name',
      'contact.name as contact_name',
      'department.name as department_name',
      'owner.display_name as owner_name',
      'open_step.due_at as step_due_at',
      'open_step.breached as step_breached',
      'step_owner.display_name as step_owner_name',
    ]);
}
export type ComplaintRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

export const findComplaint = (db: Kysely<DB>, id: number) =>
  withNames(db).where('complaint.id', '=', id).executeTakeFirst();

export const findComplaintByTicket = (db: Kysely<DB>, ticketId: number) =>
  db.selectFrom('complaint').select(['id', 'number']).where('ticket_id', '=', ticketId).executeTakeFirst();

export const lockComplaint = (db: Kysely<DB>, id: number) =>
  db.selectFrom('complaint').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/**
 * Newest first, keyset by id; text search runs on the request's index (number, subject, conversation).
 * `scope` is the policy's: every complaint today (see complaints.policy.ts); the parameter keeps the seam.
 */
export function listComplaints(
  db: Kysely<DB>,
  _scope: ComplaintScope,
  f: ComplaintListQuery,
  userId: number,
  now: Date,
) {
  let query = withNames(db)
    .orderBy('complaint.id', 'desc')
    .limit(f.limit + 1);
  if (f.stage === 'open') query = query.where('complaint.stage', '<>', 'closed');
  else if (f.stage) query = query.where('complaint.stage', '=', f.stage);
  if (f.category) query = query.where('complaint.category', '=', f.category);
  if (f.validity) query = query.where('complaint.validity', '=', f.validity);
  if (f.customerId) query = query.where('complaint.customer_id', '=', f.customerId);
  if (f.mine)
    query = query.where((eb) =>
      eb.or([eb('complaint.owner_user_id', '=', userId), eb('open_step.owner_user_id', '=', userId)]),
    );
  if (f.overdue) query = query.where('open_step.due_at', '<', now);
  if (f.q) {
    const term = f.q.trim();
    // The request's index covers its number, subject, description, customer and conversation (segmented).
    const tsQuery = buildTsQuery(term);
    query = query.where((eb) =>
      eb.or([
        eb('complaint.number', '=', term.toUpperCase()),
        ...(tsQuery ? [eb(sql<boolean>`ticket.search_all @@ ${tsQuery}::tsquery`, '=', true)] : []),
      ]),
    );
  }
  if (f.cursor) query = query.where('complaint.id', '<', Number(f.cursor));
  return query.execute();
}

/** A request about to be registered as a complaint, locked. */
export const lockTicket = (db: Kysely<DB>, id: number) =>
  db.selectFrom('ticket').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The request becomes type 投诉. */
export async function setTicketType(db: Kysely<DB>, id: number, typeId: number) {
  await db
    .updateTable('ticket')
    .set({ type_id: typeId, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertComplaint(db: Kysely<DB>, row: Insertable<Complaint>) {
  return (await db.insertInto('complaint').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateComplaintRow(db: Kysely<DB>, id: number, patch: Updateable<Complaint>) {
  await db
    .updateTable('complaint')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export const stepsOf = (db: Kysely<DB>, complaintId: number) =>
  db
    .selectFrom('complaint_step')
    .leftJoin('app_user as owner', 'owner.id', 'complaint_step.owner_user_id')
    .leftJoin('app_user as done_by', 'done_by.id', 'complaint_step.completed_by')
    .selectAll('complaint_step')
    .select(['owner.display_name as owner_name', 'done_by.display_name as completed_by_name'])
    .where('complaint_step.complaint_id', '=', complaintId)
    .orderBy('complaint_step.id')
    .execute();
export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

export const lockOpenStep = (db: Kysely<DB>, complaintId: number) =>
  db
    .selectFrom('complaint_step')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('completed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();

export async function insertStep(db: Kysely<DB>, row: Insertable<ComplaintStep>) {
  return (await db.insertInto('complaint_step').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateStep(db: Kysely<DB>, id: number, patch: Updateable<ComplaintStep>) {
  await db.updateTable('complaint_step').set(patch).where('id', '=', id).execute();
}

/** Open steps past their warning point (not yet warned) or their due time (not yet marked breached). */
export function stepsToWarnOrBreach(db: Kysely<DB>, now: Date) {
  return db
    .selectFrom('complaint_step')
    .innerJoin('complaint', 'complaint.id', 'complaint_step.complaint_id')
    .select([
      'complaint_step.id',
      'complaint_step.step',
      'complaint_step.owner_user_id',
      'complaint_step.owner_department_id',
      'complaint_step.warn_at',
      'complaint_step.due_at',
      'complaint_step.warned',
      'complaint_step.breached',
      'complaint.id as complaint_id',
      'complaint.number',
      'complaint.owner_user_id as complaint_owner_id',
    ])
    .where('complaint_step.completed_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('complaint_step.warned', '=', false), eb('complaint_step.warn_at', '<=', now)]),
        eb.and([eb('complaint_step.breached', '=', false), eb('complaint_step.due_at', '<', now)]),
      ]),
    )
    .orderBy('complaint_step.id')
    .limit(500)
    .execute();
}

/** Active users holding a role by code: whom a complaint escalates to (service managers). */
export const activeUsersWithRole = (db: Kysely<DB>, roleCode: string) =>
  db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select('app_user.id')
    .where('role.code', '=', roleCode)
    .where('app_user.status', '=', 'active')
    .execute();

export const departmentExists = async (db: Kysely<DB>, id: number) =>
  !!(await db.selectFrom('department').select('id').where('id', '=', id).executeTakeFirst());

export const complaintTypeId = async (db: Kysely<DB>) =>
  (await db.selectFrom('ticket_type').select('id').where('code', '=', 'complaint').executeTakeFirst())?.id;

export const customerClassOf = async (db: Kysely<DB>, customerId: number | null) =>
  customerId
    ? ((await db.selectFrom('customer').select('class').where('id', '=', customerId).executeTakeFirst())
        ?.class ?? null)
    : null;

export const approvalStatus = async (db: Kysely<DB>, requestId: number | null) =>
  requestId
    ? ((
        await db
          .selectFrom('approval_request')
          .select('status')
          .where('id', '=', requestId)
          .executeTakeFirst()
      )?.status ?? null)
    : null;
