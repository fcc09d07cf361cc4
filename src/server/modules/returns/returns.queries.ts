import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ReturnListQuery } from '../../../shared/schemas/returns.ts';
import type { DB, ReturnItem, ReturnNotice } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import { returnTerms } from '../../search/documents.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import type { ReturnScope } from './returns.policy.ts';

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('return_notice as r')
    .innerJoin('customer', 'customer.id', 'r.customer_id')
    .leftJoin('complaint', 'complaint.id', 'r.complaint_id')
    .selectAll('r')
    .select([
      'customer.name as customer_name',
      'complaint.number as complaint_number',
      sql<number>`(SELECT count(*) FROM return_item i WHERE i.return_id = r.id)::int`.as('item_count'),
      // The first few lines are enough for a list; the notice itself shows them all.
      sql<string>`coalesce((SELECT string_agg(i.product || ' ×' || trim_scale(i.quantity)::text, '、' ORDER BY i.position)
        FROM (SELECT product, quantity, position FROM return_item WHERE return_id = r.id ORDER BY position LIMIT 4) i), '')`.as(
        'items_summary',
      ),
    ]);
}
export type ReturnRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

export const findReturn = (db: Kysely<DB>, id: number) =>
  withNames(db).where('r.id', '=', id).executeTakeFirst();

/** Newest first, keyset by id. */
/** `scope` is the policy's: every notice today (see returns.policy.ts); the parameter keeps the seam. */
export function listReturns(db: Kysely<DB>, _scope: ReturnScope, f: ReturnListQuery) {
  let query = withNames(db)
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1);
  if (f.status === 'open') query = query.where('r.status', 'not in', ['closed', 'cancelled']);
  else if (f.status) query = query.where('r.status', '=', f.status);
  if (f.customerId) query = query.where('r.customer_id', '=', f.customerId);
  if (f.complaintId) query = query.where('r.complaint_id', '=', f.complaintId);
  if (f.cursor) query = query.where('r.id', '<', cursorId(f.cursor));
  if (f.q) {
    // numbers, reason, every step's note and the lines' products (search/documents.ts)
    const tsq = buildTsQuery(f.q);
    query = query.where(tsq ? sql<boolean>`r.search_terms @@ ${tsq}::tsquery` : sql<boolean>`false`);
  }
  return query.execute();
}

/** The names of the people who acted on a notice, for its detail and printed form. */
export function actorNames(db: Kysely<DB>, row: ReturnNotice | ReturnRow) {
  const ids = [row.requested_by, row.received_by, row.inspected_by, row.disposed_by].filter(
    (v): v is number => typeof v === 'number',
  );
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids).execute();
}

export const lockReturn = (db: Kysely<DB>, id: number) =>
  db.selectFrom('return_notice').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function insertReturn(db: Kysely<DB>, row: Insertable<ReturnNotice>) {
  const search_terms = sql<string>`array_to_tsvector(${returnTerms(row, [])}::text[])`;
  return (
    await db
      .insertInto('return_notice')
      .values({ ...row, search_terms })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const SEARCHED = [
  'number',
  'order_ref',
  'rework_number',
  'reason',
  'receipt_note',
  'inspection_note',
  'disposition_note',
  'rework_instructions',
  'cancel_reason',
] as const;

/** The notice's search terms from its text and its lines, after either changed (same transaction). */
async function refreshTerms(db: Kysely<DB>, id: number) {
  const notice = await db
    .selectFrom('return_notice')
    .select(SEARCHED)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('return_item')
    .select(['product', 'spec', 'note'])
    .where('return_id', '=', id)
    .execute();
  await db
    .updateTable('return_notice')
    .set({ search_terms: sql<string>`array_to_tsvector(${returnTerms(notice, items)}::text[])` })
    .where('id', '=', id)
    .execute();
}

export async function updateReturn(db: Kysely<DB>, id: number, patch: Updateable<ReturnNotice>) {
  await db
    .updateTable('return_notice')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  if (SEARCHED.some((column) => column in patch)) await refreshTerms(db, id);
}

export async function insertItems(db: Kysely<DB>, rows: Insertable<ReturnItem>[]) {
  await db.insertInto('return_item').values(rows).execute();
  for (const returnId of new Set(rows.map((r) => Number(r.return_id)))) await refreshTerms(db, returnId);
}

export const itemsOf = (db: Kysely<DB>, returnId: number) =>
  db.selectFrom('return_item').selectAll().where('return_id', '=', returnId).orderBy('position').execute();

export async function updateItem(db: Kysely<DB>, id: number, patch: Updateable<ReturnItem>) {
  const item = await db
    .updateTable('return_item')
    .set(patch)
    .where('id', '=', id)
    .returning('return_id')
    .executeTakeFirst();
  if (item && ('product' in patch || 'spec' in patch || 'note' in patch))
    await refreshTerms(db, item.return_id);
}

export const findCustomer = (db: Kysely<DB>, id: number) =>
  db
    .selectFrom('customer')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();

export const findComplaint = (db: Kysely<DB>, id: number) =>
  db.selectFrom('complaint').select(['id', 'number', 'customer_id']).where('id', '=', id).executeTakeFirst();

/** For the complaint's detail: the return notices filed on it. */
export const returnsOfComplaint = (db: Kysely<DB>, complaintId: number) =>
  db
    .selectFrom('return_notice')
    .select(['id', 'number', 'status'])
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .limit(100)
    .execute();

/** The latest compensation asked for on a return (a refund disposition files one each time). */
export const latestCompensation = (db: Kysely<DB>, returnId: number) =>
  db
    .selectFrom('compensation')
    .select(['id', 'status'])
    .where('return_id', '=', returnId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Active users holding a permission through one of their roles (who to tell that work is waiting). */
export async function holdersOf(db: Kysely<DB>, permission: string): Promise<number[]> {
  const rows = await db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select('app_user.id')
    .distinct()
    .where(sql<boolean>`${permission} = ANY(role.permissions)`)
    .where('app_user.status', '=', 'active')
    .limit(200)
    .execute();
  return rows.map((r) => r.id);
}

export const attachmentsOf = (db: Kysely<DB>, returnId: number) =>
  db
    .selectFrom('attachment')
    .leftJoin('app_user', 'app_user.id', 'attachment.uploaded_by_user_id')
    .selectAll('attachment')
    .select('app_user.display_name as uploader_name')
    .where('attachment.return_id', '=', returnId)
    .orderBy('attachment.id')
    .limit(200)
    .execute();
export type ReturnAttachmentRow = Awaited<ReturnType<typeof attachmentsOf>>[number];

export const findAttachment = (db: Kysely<DB>, returnId: number, attachmentId: number) =>
  db
    .selectFrom('attachment')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('return_id', '=', returnId)
    .executeTakeFirst();
