import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { CapaBoardQuery, CapaListQuery, CapaStatus } from '../../../shared/schemas/capas.ts';
import type { Capa, DB } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import { capaTerms } from '../../search/documents.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import type { CapaScope } from './capas.policy.ts';

/** Open actions of the CAPA whose due date (a calendar date in the organisation's zone) is before `today`. */
function overdueActions(eb: ExpressionBuilder<DB, 'capa'>, today: string) {
  return eb
    .selectFrom('capa_action')
    .whereRef('capa_action.capa_id', '=', 'capa.id')
    .where('capa_action.status', '=', 'open')
    .where('capa_action.due_date', '<', today);
}

function withNames(db: Kysely<DB>, today: string) {
  return db
    .selectFrom('capa')
    .leftJoin('app_user as owner', 'owner.id', 'capa.owner_user_id')
    .leftJoin('app_user as verifier', 'verifier.id', 'capa.verified_by')
    .leftJoin('app_user as creator', 'creator.id', 'capa.created_by')
    .leftJoin('department', 'department.id', 'capa.department_id')
    .selectAll('capa')
    .select([
      'owner.display_name as owner_name',
      'verifier.display_name as verifier_name',
      'creator.display_name as creator_name',
      'department.name as department_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('capa_action')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('capa_action.capa_id', '=', 'capa.id')
        .where('capa_action.status', '=', 'open')
        .as('open_actions'),
      overdueActions(eb, today)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('overdue_actions'),
    ]);
}
export type CapaRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

export function findCapa(db: Kysely<DB>, id: number, today: string) {
  return withNames(db, today).where('capa.id', '=', id).executeTakeFirst();
}

type Filters = Omit<CapaListQuery, 'cursor' | 'limit'> | CapaBoardQuery;

/** `scope` is the policy's: every report today (see capas.policy.ts); the parameter keeps the seam. */
function filtered(db: Kysely<DB>, _scope: CapaScope, f: Filters, today: string) {
  let query = withNames(db, today);
  if ('status' in f && f.status) query = query.where('capa.status', '=', f.status);
  if (f.source) query = query.where('capa.source', '=', f.source);
  if (f.ownerUserId) query = query.where('capa.owner_user_id', '=', f.ownerUserId);
  if (f.overdue) query = query.where((eb) => eb.exists(overdueActions(eb, today).select(sql`1`.as('one'))));
  if (f.q) {
    // number, title, problem, containment, why-chain, root cause, product (search/documents.ts)
    const tsq = buildTsQuery(f.q);
    query = query.where(tsq ? sql<boolean>`capa.search_terms @@ ${tsq}::tsquery` : sql<boolean>`false`);
  }
  return query;
}

/** Newest first, keyset by id (one row more than asked, to tell whether there is a next page). */
export function listCapas(db: Kysely<DB>, scope: CapaScope, f: CapaListQuery, today: string) {
  let query = filtered(db, scope, f, today)
    .orderBy('capa.id', 'desc')
    .limit(f.limit + 1);
  if (f.cursor) query = query.where('capa.id', '<', cursorId(f.cursor));
  return query.execute();
}

/** One board column: the newest cards of a status; the closed column shows the most recently closed. */
export function boardColumn(
  db: Kysely<DB>,
  scope: CapaScope,
  status: CapaStatus,
  f: CapaBoardQuery,
  today: string,
  limit: number,
) {
  const query = filtered(db, scope, f, today).where('capa.status', '=', status);
  return (status === 'closed' ? query.orderBy('capa.closed_at', 'desc') : query)
    .orderBy('capa.id', 'desc')
    .limit(limit)
    .execute();
}

/** How many CAPAs of each status match the board's filters. */
export async function statusCounts(db: Kysely<DB>, scope: CapaScope, f: CapaBoardQuery, today: string) {
  const rows = await db
    .selectFrom(filtered(db, scope, f, today).as('c'))
    .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export function findCapaRow(db: Kysely<DB>, id: number) {
  return db.selectFrom('capa').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockCapa(db: Kysely<DB>, id: number) {
  return db.selectFrom('capa').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertCapa(db: Kysely<DB>, row: Insertable<Capa>) {
  const search_terms = sql<string>`array_to_tsvector(${capaTerms(row)}::text[])`;
  return (
    await db
      .insertInto('capa')
      .values({ ...row, search_terms })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const SEARCHED = [
  'number',
  'title',
  'problem',
  'containment',
  'why_chain',
  'root_cause',
  'product',
  'verification_note',
  'dismiss_reason',
] as const;

/** Writes the changed columns; a change to searched text refreshes the search terms in the same statement. */
export async function updateCapa(db: Kysely<DB>, id: number, patch: Updateable<Capa>) {
  let search_terms: ReturnType<typeof sql<string>> | undefined;
  if (SEARCHED.some((column) => column in patch)) {
    const current = await db
      .selectFrom('capa')
      .select(SEARCHED)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    search_terms = sql<string>`array_to_tsvector(${capaTerms({ ...current, ...patch } as typeof current)}::text[])`;
  }
  await db
    .updateTable('capa')
    .set({ ...patch, ...(search_terms ? { search_terms } : {}), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The report changed through one of its parts (an action added). */
export async function touchCapa(db: Kysely<DB>, id: number) {
  await db.updateTable('capa').set({ updated_at: new Date() }).where('id', '=', id).execute();
}

// ── Complaints ───────────────────────────────────────────────────────────────────────────────────────

export function findComplaint(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('complaint')
    .select(['id', 'number', 'product', 'category', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function linkComplaints(db: Kysely<DB>, capaId: number, complaintIds: number[]) {
  if (!complaintIds.length) return [];
  const rows = await db
    .insertInto('capa_complaint')
    .values(complaintIds.map((complaintId) => ({ capa_id: capaId, complaint_id: complaintId })))
    .onConflict((oc) => oc.doNothing())
    .returning('complaint_id')
    .execute();
  return rows.map((r) => r.complaint_id);
}

export function linkedComplaints(db: Kysely<DB>, capaId: number) {
  return db
    .selectFrom('capa_complaint')
    .innerJoin('complaint', 'complaint.id', 'capa_complaint.complaint_id')
    .select(['complaint.id', 'complaint.number'])
    .where('capa_complaint.capa_id', '=', capaId)
    .orderBy('complaint.id')
    .limit(500)
    .execute();
}

/** The CAPAs a complaint is linked to (for the complaint's page), newest first. */
export function capasOfComplaint(
  db: Kysely<DB>,
  complaintId: number,
): Promise<{ id: number; number: string; status: string; title: string }[]> {
  return db
    .selectFrom('capa_complaint')
    .innerJoin('capa', 'capa.id', 'capa_complaint.capa_id')
    .select(['capa.id', 'capa.number', 'capa.status', 'capa.title'])
    .where('capa_complaint.complaint_id', '=', complaintId)
    .orderBy('capa.id', 'desc')
    .limit(100)
    .execute();
}

// ── Repeat detection ─────────────────────────────────────────────────────────────────────────────────

/** Serialises repeat detection per product and category, so two complaints at once propose one CAPA. */
export async function lockRepeatKey(db: Kysely<DB>, product: string, category: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`capa-repeat:${product}:${category}`}))`.execute(db);
}

/** Complaints on the same product and category received in [from, to] (capped: the threshold is small). */
export async function repeatComplaintIds(
  db: Kysely<DB>,
  product: string,
  category: string,
  from: Date,
  to: Date,
) {
  const rows = await db
    .selectFrom('complaint')
    .select('id')
    .where('product', '=', product)
    .where('category', '=', category)
    .where('received_at', '>=', from)
    .where('received_at', '<=', to)
    .orderBy('received_at')
    .limit(200)
    .execute();
  return rows.map((r) => r.id);
}

/** A CAPA on this product and category that is still running (any source). */
export function runningCapaFor(db: Kysely<DB>, product: string, category: string) {
  return db
    .selectFrom('capa')
    .select(['id', 'number', 'title'])
    .where('product', '=', product)
    .where('complaint_category', '=', category)
    .where('status', 'not in', ['closed', 'dismissed'])
    .orderBy('id')
    .executeTakeFirst();
}

// ── Attachments ──────────────────────────────────────────────────────────────────────────────────────

export function capaAttachments(db: Kysely<DB>, capaId: number) {
  return db
    .selectFrom('attachment')
    .leftJoin('app_user', 'app_user.id', 'attachment.uploaded_by_user_id')
    .selectAll('attachment')
    .select('app_user.display_name as uploader_name')
    .where('attachment.capa_id', '=', capaId)
    .orderBy('attachment.id')
    .limit(200)
    .execute();
}
export type CapaAttachmentRow = Awaited<ReturnType<typeof capaAttachments>>[number];

export function findCapaAttachment(db: Kysely<DB>, capaId: number, attachmentId: number) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('capa_id', '=', capaId)
    .executeTakeFirst();
}

export async function deleteAttachmentRow(db: Kysely<DB>, id: number) {
  await db.deleteFrom('attachment').where('id', '=', id).execute();
}

export async function complaintNumbers(db: Kysely<DB>, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('complaint')
    .select('number')
    .where('id', 'in', ids)
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map((r) => r.number);
}
