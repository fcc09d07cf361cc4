import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A half-open time range [from, to): one month in the organisation's time zone. */
export interface Range {
  from: Date;
  to: Date;
}

type Db = Kysely<DB>;

/** The month's complaints by validity, plus the ones closed in it and the ones still open at its end. */
export async function monthTotals(db: Db, r: Range) {
  const received = await db
    .selectFrom('complaint')
    .where('received_at', '>=', r.from)
    .where('received_at', '<', r.to)
    .select([
      sql<number>`count(*)::int`.as('received'),
      sql<number>`count(*) FILTER (WHERE validity = 'valid')::int`.as('valid'),
      sql<number>`count(*) FILTER (WHERE validity = 'not_valid')::int`.as('notValid'),
      sql<number>`count(*) FILTER (WHERE validity = 'pending')::int`.as('pending'),
    ])
    .executeTakeFirstOrThrow();
  const closed = await db
    .selectFrom('complaint')
    .where('closed_at', '>=', r.from)
    .where('closed_at', '<', r.to)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const open = await db
    .selectFrom('complaint')
    .where('received_at', '<', r.to)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', r.to)]))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { ...received, closed: closed.n, openAtMonthEnd: open.n };
}

/** Service requests received in the month (merged duplicates left out): the base when none was entered. */
export async function requestsReceived(db: Db, r: Range): Promise<number> {
  const row = await db
    .selectFrom('ticket')
    .where('created_at', '>=', r.from)
    .where('created_at', '<', r.to)
    .where('merged_into_id', 'is', null)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

type Grouped = 'category' | 'channel' | 'severity' | 'customer_class';

/** The month's complaints counted by one column, most frequent first. */
export function countBy(db: Db, r: Range, column: Grouped) {
  return db
    .selectFrom('complaint')
    .where('received_at', '>=', r.from)
    .where('received_at', '<', r.to)
    .select((eb) => [eb.ref(column).as('key'), sql<number>`count(*)::int`.as('count')])
    .groupBy(column)
    .orderBy('count', 'desc')
    .orderBy(column)
    .execute();
}

/** The ten most frequent products, and the rest folded into one `other` row. */
export async function countByProduct(db: Db, r: Range, top = 10) {
  const result = await sql<{ product: string | null; other: boolean; count: number }>`
    WITH grouped AS (
      SELECT product, count(*) AS n FROM complaint
      WHERE received_at >= ${r.from} AND received_at < ${r.to}
      GROUP BY product
    ), ranked AS (
      SELECT product, n, row_number() OVER (ORDER BY n DESC, product NULLS LAST) AS rank FROM grouped
    )
    SELECT CASE WHEN rank <= ${top} THEN product END AS product, rank > ${top} AS other, sum(n)::int AS count
    FROM ranked
    GROUP BY 1, 2
    ORDER BY other, count DESC, product NULLS LAST
  `.execute(db);
  return result.rows;
}

export function countByDepartment(db: Db, r: Range) {
  return db
    .selectFrom('complaint')
    .leftJoin('department', 'department.id', 'complaint.responsible_department_id')
    .where('complaint.received_at', '>=', r.from)
    .where('complaint.received_at', '<', r.to)
    .select([
      'complaint.responsible_department_id as departmentId',
      'department.name',
      sql<number>`count(*)::int`.as('count'),
    ])
    .groupBy(['complaint.responsible_department_id', 'department.name'])
    .orderBy('count', 'desc')
    .orderBy('department.name')
    .execute();
}

/** Steps completed in the month: how many, how long on average (calendar hours), how many ran late. */
export function stepDurations(db: Db, r: Range) {
  return db
    .selectFrom('complaint_step')
    .where('completed_at', '>=', r.from)
    .where('completed_at', '<', r.to)
    .select([
      'step',
      sql<number>`count(*)::int`.as('completed'),
      sql<number>`avg(extract(epoch FROM completed_at - started_at))::float8 / 3600`.as('averageHours'),
      sql<number>`count(*) FILTER (WHERE breached)::int`.as('breached'),
    ])
    .groupBy('step')
    .execute();
}

/** Product and category pairs that came back at least `min` times in the month. */
export async function repeatPairs(db: Db, r: Range, min = 2, limit = 50) {
  const rows = await db
    .selectFrom('complaint')
    .where('received_at', '>=', r.from)
    .where('received_at', '<', r.to)
    .where('product', 'is not', null)
    .select([
      'product',
      'category',
      sql<number>`count(*)::int`.as('count'),
      sql<string[]>`array_agg(id ORDER BY received_at, id)`.as('ids'),
      sql<string[]>`array_agg(number ORDER BY received_at, id)`.as('numbers'),
    ])
    .groupBy(['product', 'category'])
    .having(sql<boolean>`count(*) >= ${min}`)
    .orderBy('count', 'desc')
    .orderBy('product')
    .orderBy('category')
    .limit(limit)
    .$narrowType<{ product: string }>()
    .execute();
  // bigint[] comes back as text; ids stay far below 2^53
  return rows.map((row) => ({ ...row, ids: row.ids.map(Number) }));
}

/**
 * CAPAs that answer a repeat pair: linked to one of its complaints, or opened (and not dismissed) for the
 * same product and category.
 */
export async function capasForPairs(
  db: Db,
  complaintIds: number[],
  pairs: { product: string; category: string }[],
) {
  if (pairs.length === 0) return [];
  const linked = complaintIds.length
    ? await db
        .selectFrom('capa_complaint')
        .innerJoin('capa', 'capa.id', 'capa_complaint.capa_id')
        .where('capa_complaint.complaint_id', 'in', complaintIds)
        .select(['capa.id', 'capa.number', 'capa.status', 'capa_complaint.complaint_id as complaintId'])
        .execute()
    : [];
  const same = await db
    .selectFrom('capa')
    .where('status', '<>', 'dismissed')
    .where((eb) =>
      eb.or(
        pairs.map((p) => eb.and([eb('product', '=', p.product), eb('complaint_category', '=', p.category)])),
      ),
    )
    .select(['id', 'number', 'status', 'product', 'complaint_category as category'])
    .execute();
  return [
    ...linked.map((c) => ({ ...c, product: null, category: null })),
    ...same.map((c) => ({ ...c, complaintId: null })),
  ];
}

/** Complaints not closed, oldest first. */
export async function openComplaints(db: Db, limit: number) {
  const base = db.selectFrom('complaint').where('closed_at', 'is', null).where('stage', '<>', 'closed');
  const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const items = await base
    .leftJoin('customer', 'customer.id', 'complaint.customer_id')
    .leftJoin('department', 'department.id', 'complaint.responsible_department_id')
    .select([
      'complaint.id',
      'complaint.number',
      'customer.name as customerName',
      'complaint.category',
      'complaint.stage',
      'department.name as departmentName',
      'complaint.received_at',
    ])
    .orderBy('complaint.received_at')
    .orderBy('complaint.id')
    .limit(limit)
    .execute();
  return { total: n, items };
}

/** CAPAs neither closed nor dismissed, oldest first. */
export async function openCapas(db: Db, limit: number) {
  const base = db.selectFrom('capa').where('status', 'not in', ['closed', 'dismissed']);
  const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const items = await base
    .select(['id', 'number', 'title', 'status', 'due_date', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return { total: n, items };
}

/** Received and valid complaints per month (in `timeZone`) over a range of months. */
export function monthlyTrend(db: Db, r: Range, timeZone: string) {
  const month = sql<string>`to_char(received_at AT TIME ZONE ${timeZone}, 'YYYY-MM')`;
  return (
    db
      .selectFrom('complaint')
      .where('received_at', '>=', r.from)
      .where('received_at', '<', r.to)
      .select([
        month.as('month'),
        sql<number>`count(*)::int`.as('received'),
        sql<number>`count(*) FILTER (WHERE validity = 'valid')::int`.as('valid'),
      ])
      // by position: the zone is a bound parameter, so the same expression twice would not match
      .groupBy(sql`1`)
      .execute()
  );
}

/** Forgets a stored setting (the month's entered base). */
export async function deleteSetting(db: Db, key: string) {
  await db.deleteFrom('setting').where('key', '=', key).execute();
}
