import { type Kysely, sql } from 'kysely';
import type { CONFIRMATION_FILTERS } from '../../../shared/schemas/complaint-analysis.ts';
import type { DB } from '../../db/schema.ts';
import type { Range } from './complaint-analysis.queries.ts';

type Db = Kysely<DB>;
export type ConfirmationFilter = (typeof CONFIRMATION_FILTERS)[number];

function monthComplaints(db: Db, r: Range, filter: ConfirmationFilter) {
  let query = db
    .selectFrom('complaint')
    .where('complaint.received_at', '>=', r.from)
    .where('complaint.received_at', '<', r.to);
  if (filter === 'to_confirm')
    query = query.where('complaint.stage', '=', 'closed').where('complaint.closure_confirmed_at', 'is', null);
  if (filter === 'confirmed') query = query.where('complaint.closure_confirmed_at', 'is not', null);
  if (filter === 'open') query = query.where('complaint.stage', '<>', 'closed');
  return query;
}

const confirmationColumns = [
  'complaint.id',
  'complaint.number',
  'complaint.customer_id',
  'customer.name as customer_name',
  'complaint.category',
  'complaint.stage',
  'complaint.received_at',
  'complaint.closed_at',
  'complaint.closure_confirmed_at',
  'complaint.closure_confirmed_by',
  'app_user.display_name as confirmed_by_name',
  'complaint.closure_confirmation_note',
] as const;

/** The month's complaints for the closure checklist, in the order they came in. */
export async function listConfirmations(
  db: Db,
  r: Range,
  filter: ConfirmationFilter,
  page: { limit: number; offset: number },
) {
  const { n } = await monthComplaints(db, r, filter)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await monthComplaints(db, r, filter)
    .leftJoin('customer', 'customer.id', 'complaint.customer_id')
    .leftJoin('app_user', 'app_user.id', 'complaint.closure_confirmed_by')
    .select(confirmationColumns)
    .orderBy('complaint.received_at')
    .orderBy('complaint.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: n, rows };
}

export type ConfirmationRow = Awaited<ReturnType<typeof listConfirmations>>['rows'][number];

export function findConfirmation(db: Db, id: number) {
  return db
    .selectFrom('complaint')
    .leftJoin('customer', 'customer.id', 'complaint.customer_id')
    .leftJoin('app_user', 'app_user.id', 'complaint.closure_confirmed_by')
    .select(confirmationColumns)
    .where('complaint.id', '=', id)
    .executeTakeFirst();
}

/** How many of the month's complaints came in, are closed, and have their closure confirmed. */
export function confirmationSummary(db: Db, r: Range) {
  return monthComplaints(db, r, 'all')
    .select([
      sql<number>`count(*)::int`.as('received'),
      sql<number>`count(*) FILTER (WHERE stage = 'closed')::int`.as('closed'),
      sql<number>`count(*) FILTER (WHERE closure_confirmed_at IS NOT NULL)::int`.as('confirmed'),
    ])
    .executeTakeFirstOrThrow();
}

export function lockComplaint(db: Db, id: number) {
  return db
    .selectFrom('complaint')
    .select([
      'id',
      'number',
      'stage',
      'closure_confirmed_at',
      'closure_confirmed_by',
      'closure_confirmation_note',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setClosureConfirmation(
  db: Db,
  id: number,
  values: { at: Date; by: number; note: string | null },
) {
  await db
    .updateTable('complaint')
    .set({
      closure_confirmed_at: values.at,
      closure_confirmed_by: values.by,
      closure_confirmation_note: values.note,
      updated_at: values.at,
    })
    .where('id', '=', id)
    .execute();
}
