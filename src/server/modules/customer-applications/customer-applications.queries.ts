import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ApplicationListQuery } from '../../../shared/schemas/customer-applications.ts';
import type { CustomerApplication, DB } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import { applicationTerms } from '../../search/documents.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import type { ApplicationScope } from './customer-applications.policy.ts';

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('customer_application')
    .innerJoin('customer', 'customer.id', 'customer_application.customer_id')
    .leftJoin('app_user', 'app_user.id', 'customer_application.applicant_user_id')
    .selectAll('customer_application')
    .select([
      'customer.code as customer_code',
      'customer.name as customer_name',
      'customer.lifecycle as customer_lifecycle',
      'app_user.display_name as applicant_name',
    ]);
}
type NamedRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;
export type ApplicationRow = NamedRow & { addressed_to_viewer?: boolean };

/**
 * A step of the application's approval is (or was) addressed to the user — by name or by a role they
 * hold — or decided by them; the policy reads it as "sent to them to decide".
 */
function addressedTo(userId: number) {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM approval_step s JOIN approval_request r ON r.id = s.request_id
    WHERE r.entity_type = 'customer_application' AND r.entity_id = customer_application.id
      AND (s.approver_user_id = ${userId} OR s.decided_by = ${userId}
        OR s.approver_role_id IN (SELECT ur.role_id FROM user_role ur WHERE ur.user_id = ${userId})))`;
}

/** The application with names, and whether it was sent to `viewerUserId` to decide (null: nobody asks). */
export function findApplication(db: Kysely<DB>, id: number, viewerUserId: number | null = null) {
  return withNames(db)
    .select(
      (viewerUserId === null ? sql<boolean>`false` : addressedTo(viewerUserId)).as('addressed_to_viewer'),
    )
    .where('customer_application.id', '=', id)
    .executeTakeFirst();
}

/** Newest first, keyset by id; `scope` is the policy's: all, or only the caller's own applications. */
export function listApplications(db: Kysely<DB>, f: ApplicationListQuery, scope: ApplicationScope) {
  let query = withNames(db)
    .orderBy('customer_application.id', 'desc')
    .limit(f.limit + 1);
  if (scope.kind === 'own') query = query.where('customer_application.applicant_user_id', '=', scope.userId);
  if (f.status) query = query.where('customer_application.status', '=', f.status);
  if (f.applicantUserId)
    query = query.where('customer_application.applicant_user_id', '=', f.applicantUserId);
  if (f.customerId) query = query.where('customer_application.customer_id', '=', f.customerId);
  if (f.cursor) query = query.where('customer_application.id', '<', cursorId(f.cursor));
  if (f.q) {
    // the application's number, scope and notes, or its customer's name, code, pinyin (search/documents.ts)
    const tsq = buildTsQuery(f.q);
    query = query.where(
      tsq
        ? sql<boolean>`(customer_application.search_terms @@ ${tsq}::tsquery OR customer.search_terms @@ ${tsq}::tsquery)`
        : sql<boolean>`false`,
    );
  }
  return query.execute();
}

export function lockApplication(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('customer_application')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function lockByApproval(db: Kysely<DB>, approvalRequestId: number) {
  return db
    .selectFrom('customer_application')
    .selectAll()
    .where('approval_request_id', '=', approvalRequestId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertApplication(db: Kysely<DB>, row: Insertable<CustomerApplication>) {
  const search_terms = sql<string>`array_to_tsvector(${applicationTerms(row)}::text[])`;
  return (
    await db
      .insertInto('customer_application')
      .values({ ...row, search_terms })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const SEARCHED = ['number', 'business_scope', 'investigation_notes', 'decision_comment'] as const;

/** Writes the changed columns; a change to searched text refreshes the search terms in the same statement. */
export async function updateApplication(db: Kysely<DB>, id: number, patch: Updateable<CustomerApplication>) {
  let search_terms: ReturnType<typeof sql<string>> | undefined;
  if (SEARCHED.some((column) => column in patch)) {
    const current = await db
      .selectFrom('customer_application')
      .select(SEARCHED)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    search_terms = sql<string>`array_to_tsvector(${applicationTerms({ ...current, ...patch } as typeof current)}::text[])`;
  }
  await db
    .updateTable('customer_application')
    .set({ ...patch, ...(search_terms ? { search_terms } : {}), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function lockCustomer(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('customer')
    .select([
      'id',
      'name',
      'lifecycle',
      'merged_into_id',
      'class',
      'credit_level',
      'credit_limit',
      'credit_period_days',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The admitted customer takes the class and credit terms the application asked for. */
export async function setAdmittedTerms(
  db: Kysely<DB>,
  id: number,
  terms: {
    class: string | null;
    classReason: string;
    creditLevel: string;
    creditLimit: string | null;
    creditPeriodDays: number | null;
  },
) {
  await db
    .updateTable('customer')
    .set({
      class: terms.class,
      class_reason: terms.classReason,
      class_changed_at: new Date(),
      credit_level: terms.creditLevel,
      credit_limit: terms.creditLimit,
      credit_period_days: terms.creditPeriodDays,
      // Today in the organisation's time zone, not the database session's.
      partner_since: sql<string>`COALESCE(partner_since, (now() AT TIME ZONE (SELECT time_zone FROM organisation WHERE id = 1))::date)`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export function applicationAttachments(db: Kysely<DB>, applicationId: number) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('customer_application_id', '=', applicationId)
    .orderBy('id')
    .limit(200)
    .execute();
}

export function findApplicationAttachment(db: Kysely<DB>, applicationId: number, attachmentId: number) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('customer_application_id', '=', applicationId)
    .executeTakeFirst();
}

export async function deleteAttachmentRow(db: Kysely<DB>, id: number) {
  return db.deleteFrom('attachment').where('id', '=', id).returning('storage_key').executeTakeFirst();
}
