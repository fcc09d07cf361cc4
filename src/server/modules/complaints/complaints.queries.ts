import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ComplaintListQuery } from '../../../shared/schemas/complaints.ts';
import type { Complaint, ComplaintStep, DB } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import { complaintTerms } from '../../search/documents.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import { scoped } from '../tickets/tickets.queries.ts';
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

/** The SQL of complaints.policy.ts's scope: the request in the reader's request scope, or owned by them. */
export function complaintScoped(eb: ExpressionBuilder<DB, 'complaint'>, scope: ComplaintScope) {
  if (scope.requests.all) return eb.lit(true);
  return eb.or([
    eb('complaint.owner_user_id', '=', scope.userId),
    eb.exists(
      eb
        .selectFrom('complaint_step as own_step')
        .select('own_step.id')
        .whereRef('own_step.complaint_id', '=', 'complaint.id')
        .where('own_step.owner_user_id', '=', scope.userId),
    ),
    eb.exists(
      eb
        .selectFrom('ticket')
        .select('ticket.id')
        .whereRef('ticket.id', '=', 'complaint.ticket_id')
        .where((t) => scoped(t, scope.requests)),
    ),
  ]);
}

export const findComplaint = (db: Kysely<DB>, id: number, scope: ComplaintScope) =>
  withNames(db)
    .where('complaint.id', '=', id)
    .where((eb) => complaintScoped(eb, scope))
    .executeTakeFirst();

/** Whether the complaint is in the reader's scope (for what hangs on it, such as a compensation). */
export const complaintInScope = async (db: Kysely<DB>, id: number | null, scope: ComplaintScope) =>
  id !== null &&
  !!(await db
    .selectFrom('complaint')
    .select('id')
    .where('id', '=', id)
    .where((eb) => complaintScoped(eb, scope))
    .executeTakeFirst());

/** The complaint of a request; with `scope`, only when the reader may see it. */
export const findComplaintByTicket = (db: Kysely<DB>, ticketId: number, scope?: ComplaintScope) =>
  db
    .selectFrom('complaint')
    .select(['id', 'number'])
    .where('ticket_id', '=', ticketId)
    .$if(scope !== undefined, (qb) => qb.where((eb) => complaintScoped(eb, scope!)))
    .executeTakeFirst();

/** A contact's phones and email, to fill 联系方式 from (see complaints.service.ts). */
export const contactReachOf = (db: Kysely<DB>, contactId: number) =>
  db
    .selectFrom('contact')
    .select(['phone', 'mobile', 'email'])
    .where('id', '=', contactId)
    .executeTakeFirst();

/** The complaint locked for a change; with `scope`, only when the actor may see it (else undefined). */
export const lockComplaint = (db: Kysely<DB>, id: number, scope?: ComplaintScope) =>
  db
    .selectFrom('complaint')
    .selectAll()
    .where('id', '=', id)
    .$if(scope !== undefined, (qb) => qb.where((eb) => complaintScoped(eb, scope!)))
    .forUpdate()
    .executeTakeFirst();

/**
 * Newest first, keyset by id; text search runs on the request's index (number, subject, conversation).
 * `scope` is the policy's (complaints.policy.ts).
 */
export function listComplaints(
  db: Kysely<DB>,
  scope: ComplaintScope,
  f: ComplaintListQuery,
  userId: number,
  now: Date,
) {
  let query = withNames(db)
    .where((eb) => complaintScoped(eb, scope))
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
        // the complaint's own text: content, reason, demand, product, object (search/documents.ts)
        ...(tsQuery ? [eb(sql<boolean>`complaint.search_terms @@ ${tsQuery}::tsquery`, '=', true)] : []),
      ]),
    );
  }
  if (f.cursor) query = query.where('complaint.id', '<', cursorId(f.cursor));
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
  const search_terms = sql<string>`array_to_tsvector(${complaintTerms(row)}::text[])`;
  return (
    await db
      .insertInto('complaint')
      .values({ ...row, search_terms })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const SEARCHED = [
  'number',
  'object_ref',
  'product',
  'content',
  'reason',
  'demand',
  'contact_details',
  'closure_confirmation_note',
] as const;

/** Writes the changed columns; a change to searched text refreshes the search terms in the same statement. */
export async function updateComplaintRow(db: Kysely<DB>, id: number, patch: Updateable<Complaint>) {
  let search_terms: ReturnType<typeof sql<string>> | undefined;
  if (SEARCHED.some((column) => column in patch)) {
    const current = await db
      .selectFrom('complaint')
      .select(SEARCHED)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    search_terms = sql<string>`array_to_tsvector(${complaintTerms({ ...current, ...patch } as typeof current)}::text[])`;
  }
  await db
    .updateTable('complaint')
    .set({ ...patch, ...(search_terms ? { search_terms } : {}), updated_at: new Date() })
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
