import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { CustomerListQuery, Lifecycle } from '../../../shared/schemas/customers.ts';
import type { Customer, DB } from '../../db/schema.ts';
import { buildTsQuery, indexTerms } from '../../search/text-search.ts';
import type { CustomerScope } from './customers.policy.ts';

export type CustomerRow = Selectable<Customer> & {
  owner_name: string | null;
  advisor_name: string | null;
  open_tickets: number;
  /** last_activity_at to the microsecond, for the list cursor. */
  activity_key: string | null;
};

const OPEN = ['new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_third_party'];

function withRefs(db: Kysely<DB>) {
  return db
    .selectFrom('customer')
    .leftJoin('app_user as owner', 'owner.id', 'customer.owner_user_id')
    .leftJoin('app_user as advisor', 'advisor.id', 'customer.advisor_user_id')
    .selectAll('customer')
    .select((eb) => [
      'owner.display_name as owner_name',
      'advisor.display_name as advisor_name',
      eb
        .selectFrom('ticket')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ticket.customer_id', '=', 'customer.id')
        .where('ticket.status', 'in', OPEN)
        .as('open_tickets'),
      sql<
        string | null
      >`to_char(customer.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'activity_key',
      ),
    ]);
}

export async function findCustomerRow(db: Kysely<DB>, id: number): Promise<CustomerRow | undefined> {
  return (await withRefs(db).where('customer.id', '=', id).executeTakeFirst()) as CustomerRow | undefined;
}

export async function lockCustomer(db: Kysely<DB>, id: number) {
  return db.selectFrom('customer').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function customerSearchText(c: {
  code: string;
  name: string;
  short_name?: string | null;
  phone?: string | null;
  email?: string | null;
  tax_id?: string | null;
  industry?: string | null;
  region?: string | null;
  address?: string | null;
  tags?: string[];
  contactText?: string;
}): string[] {
  const text = [
    c.code,
    c.name,
    c.short_name,
    c.phone,
    c.email,
    c.tax_id,
    c.industry,
    c.region,
    c.address,
    ...(c.tags ?? []),
    c.contactText,
  ]
    .filter(Boolean)
    .join(' ');
  return indexTerms(text);
}

/** Recomputes the search terms of a customer from its row and its contacts. */
export async function reindexCustomer(db: Kysely<DB>, id: number) {
  const c = await db.selectFrom('customer').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const contacts = await db
    .selectFrom('contact')
    .select(['name', 'phone', 'mobile', 'email'])
    .where('customer_id', '=', id)
    .limit(200)
    .execute();
  const contactText = contacts
    .flatMap((k) => [k.name, k.phone, k.mobile, k.email])
    .filter(Boolean)
    .join(' ');
  const terms = customerSearchText({ ...c, contactText });
  await db
    .updateTable('customer')
    .set({ search_terms: sql`array_to_tsvector(${terms}::text[])` })
    .where('id', '=', id)
    .execute();
}

/**
 * One page (limit + 1 rows) of live customers in the chosen order; `scope` is the policy's: every customer
 * today (see customers.policy.ts). "mine" is a filter on owner or advisor, not a boundary.
 */
export async function listCustomers(
  db: Kysely<DB>,
  _scope: CustomerScope,
  f: CustomerListQuery,
  actorUserId: number,
) {
  let query = withRefs(db).where('customer.merged_into_id', 'is', null);
  if (f.q) {
    const tsq = buildTsQuery(f.q);
    if (!tsq) return [];
    query = query.where(sql<boolean>`customer.search_terms @@ ${tsq}::tsquery`);
  }
  if (f.view === 'mine')
    query = query.where((eb) =>
      eb.or([
        eb('customer.owner_user_id', '=', actorUserId),
        eb('customer.advisor_user_id', '=', actorUserId),
      ]),
    );
  if (f.view === 'key_accounts') query = query.where('customer.class', '=', 'A');
  if (f.view === 'pending') query = query.where('customer.lifecycle', 'in', ['prospect', 'pending_approval']);
  if (f.view === 'dormant') query = query.where('customer.lifecycle', '=', 'dormant');
  if (f.class === 'none') query = query.where('customer.class', 'is', null);
  else if (f.class) query = query.where('customer.class', '=', f.class);
  if (f.creditLevel) query = query.where('customer.credit_level', '=', f.creditLevel);
  if (f.lifecycle) query = query.where('customer.lifecycle', '=', f.lifecycle);
  if (f.region) query = query.where('customer.region', '=', f.region);
  if (f.industry) query = query.where('customer.industry', '=', f.industry);
  if (f.advisorUserId) query = query.where('customer.advisor_user_id', '=', f.advisorUserId);
  if (f.ownerUserId) query = query.where('customer.owner_user_id', '=', f.ownerUserId);
  if (f.tag) query = query.where(sql<boolean>`customer.tags @> ARRAY[${f.tag}]::text[]`);

  const [cursorValue, cursorId] = f.cursor?.includes('|') ? f.cursor.split('|') : [undefined, f.cursor];
  const afterId = cursorId ? Number(cursorId) : undefined;
  if (f.sort === 'name') {
    if (cursorValue !== undefined && afterId)
      query = query.where(sql<boolean>`(customer.name, customer.id) > (${cursorValue}, ${afterId})`);
    query = query.orderBy('customer.name', 'asc').orderBy('customer.id', 'asc');
  } else if (f.sort === 'activity') {
    if (cursorValue && afterId) {
      query =
        cursorValue === 'none'
          ? query.where('customer.last_activity_at', 'is', null).where('customer.id', '<', afterId)
          : query.where((eb) =>
              eb.or([
                eb('customer.last_activity_at', '<', sql<Date>`${cursorValue}::timestamptz`),
                eb('customer.last_activity_at', 'is', null),
                eb.and([
                  eb('customer.last_activity_at', '=', sql<Date>`${cursorValue}::timestamptz`),
                  eb('customer.id', '<', afterId),
                ]),
              ]),
            );
    }
    query = query.orderBy(sql`customer.last_activity_at DESC NULLS LAST`).orderBy('customer.id', 'desc');
  } else {
    if (afterId) query = query.where('customer.id', '<', afterId);
    query = query.orderBy('customer.id', 'desc');
  }
  return (await query.limit(f.limit + 1).execute()) as CustomerRow[];
}

export function customerCursor(row: CustomerRow, sort: CustomerListQuery['sort']): string {
  if (sort === 'name') return `${row.name}|${row.id}`;
  if (sort === 'activity') return `${row.activity_key ?? 'none'}|${row.id}`;
  return String(row.id);
}

const COMPANY_SUFFIX =
  /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|厂|co\.?,?\s*ltd\.?|inc\.?|llc|ltd\.?|corp\.?)$/i;

/** The distinctive part of a company name: 华东精密机械有限公司 → 华东精密机械. */
export function nameCore(name: string): string {
  return name.trim().replace(COMPANY_SUFFIX, '').trim();
}

/**
 * Customers that may be the same company or person: the same name (case aside), the same name without its
 * company suffix found in the search index, the same tax id, phone or email.
 */
export async function findDuplicates(
  db: Kysely<DB>,
  probe: { name?: string | null; taxId?: string | null; phone?: string | null; email?: string | null },
  excludeId?: number,
) {
  const name = probe.name?.trim().toLowerCase();
  const core = probe.name ? nameCore(probe.name) : '';
  const similar = core.length >= 2 ? buildTsQuery(core) : null;
  const rows = await db
    .selectFrom('customer')
    .select(['id', 'code', 'name', 'lifecycle', 'tax_id', 'phone', 'email'])
    .where('merged_into_id', 'is', null)
    .where((eb) => {
      const any = [];
      if (name) any.push(eb(sql<string>`lower(name)`, '=', name));
      if (similar) any.push(sql<boolean>`search_terms @@ ${similar}::tsquery`);
      if (probe.taxId) any.push(eb('tax_id', '=', probe.taxId));
      if (probe.phone) any.push(eb('phone', '=', probe.phone));
      if (probe.email) any.push(eb(sql<string>`lower(email)`, '=', probe.email.toLowerCase()));
      return any.length > 0 ? eb.or(any) : sql<boolean>`false`;
    })
    .$if(excludeId !== undefined, (q) => q.where('id', '!=', excludeId!))
    .orderBy('id')
    .limit(10)
    .execute();
  return (
    rows
      .map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        lifecycle: r.lifecycle,
        matchedOn: [
          name && r.name.toLowerCase() === name ? 'name' : null,
          core && nameCore(r.name).toLowerCase() === core.toLowerCase() && r.name.toLowerCase() !== name
            ? 'similar_name'
            : null,
          probe.taxId && r.tax_id === probe.taxId ? 'tax_id' : null,
          probe.phone && r.phone === probe.phone ? 'phone' : null,
          probe.email && r.email?.toLowerCase() === probe.email.toLowerCase() ? 'email' : null,
        ].filter((m): m is string => m !== null),
      }))
      // A search hit that shares only some words with the name is not a duplicate.
      .filter((c) => c.matchedOn.length > 0)
  );
}

/** Name (and id) of a customer, merged or not; undefined when there is none. */
export function findCustomerName(db: Kysely<DB>, id: number) {
  return db.selectFrom('customer').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function insertCustomerRow(db: Kysely<DB>, row: Insertable<Customer>): Promise<number> {
  return (await db.insertInto('customer').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCustomerRow(db: Kysely<DB>, id: number, patch: Updateable<Customer>) {
  await db
    .updateTable('customer')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Moves a customer along its lifecycle; a reason is kept only for `lost`. */
export async function setLifecycle(
  db: Kysely<DB>,
  id: number,
  to: Lifecycle,
  lostReason: string | null = null,
) {
  await db
    .updateTable('customer')
    .set({ lifecycle: to, lifecycle_changed_at: new Date(), lost_reason: lostReason, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The sealed bank account and ID number of a customer (opened only by an audited reveal). */
export function findSecrets(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('customer')
    .select(['name', 'bank_account_enc', 'id_number_enc'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The values of a column in use on live customers, most frequent first (list filters, form suggestions). */
export async function topValues(db: Kysely<DB>, column: 'region' | 'industry' | 'source') {
  const rows = await db
    .selectFrom('customer')
    .select(column)
    .where(column, 'is not', null)
    .where('merged_into_id', 'is', null)
    .groupBy(column)
    .orderBy(sql`count(*)`, 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => r[column] as string);
}

// ── Class suggestion and dormancy ─────────────────────────────────────────────────────────────────────

export function classFactsOf(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('customer')
    .select(['class', 'annual_sales', 'last_activity_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function requestsLastYear(db: Kysely<DB>, customerId: number): Promise<number> {
  const { n } = await db
    .selectFrom('ticket')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('customer_id', '=', customerId)
    .where('created_at', '>', sql<Date>`now() - interval '1 year'`)
    .executeTakeFirstOrThrow();
  return n;
}

/** Active customers quiet since before `threshold` become dormant, at most `batch` of them. */
export function markDormant(db: Kysely<DB>, threshold: Date, now: Date, batch: number) {
  return db
    .updateTable('customer')
    .set({ lifecycle: 'dormant', lifecycle_changed_at: now, updated_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('customer')
        .select('id')
        .where('lifecycle', '=', 'active')
        .where('merged_into_id', 'is', null)
        .where((w) => w.or([w('last_activity_at', '<', threshold), w('last_activity_at', 'is', null)]))
        .limit(batch),
    )
    .returning(['id', 'name'])
    .execute();
}

/** Dormant customers with contact since they went dormant (and since `threshold`) are active again. */
export function wakeDormant(db: Kysely<DB>, threshold: Date, now: Date) {
  return db
    .updateTable('customer')
    .set({ lifecycle: 'active', lifecycle_changed_at: now, updated_at: now })
    .where('lifecycle', '=', 'dormant')
    .where('last_activity_at', '>=', threshold)
    .whereRef('last_activity_at', '>', 'lifecycle_changed_at')
    .returning(['id', 'name'])
    .execute();
}

// ── Merge ─────────────────────────────────────────────────────────────────────────────────────────────

/** Tables whose rows point at a customer; a merge moves them all. */
export const LINKED_TABLES = [
  'ticket',
  'contact',
  'call_record',
  'customer_activity',
  'attachment',
  'customer_application',
  'credit_change_request',
] as const;

/** The first primary contact of a customer, if any. */
export function primaryContactOf(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('contact')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('is_primary', '=', true)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Repoints the rows of one linked table from one customer to another; returns how many moved. */
export async function moveLinked(
  db: Kysely<DB>,
  table: (typeof LINKED_TABLES)[number],
  fromId: number,
  toId: number,
): Promise<number> {
  const res = await db
    .updateTable(table)
    .set({ customer_id: toId })
    .where('customer_id', '=', fromId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The key-account record follows the merge unless the survivor has its own. */
export async function moveKeyAccount(db: Kysely<DB>, fromId: number, toId: number) {
  await db
    .updateTable('key_account')
    .set({ customer_id: toId })
    .where('customer_id', '=', fromId)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('key_account as own').select('own.id').where('own.customer_id', '=', toId)),
      ),
    )
    .execute();
}

/** Every contact of the customer but `keepId` stops being primary. */
export async function unmarkOtherPrimaries(db: Kysely<DB>, customerId: number, keepId: number) {
  await db
    .updateTable('contact')
    .set({ is_primary: false })
    .where('customer_id', '=', customerId)
    .where('id', '!=', keepId)
    .execute();
}

/** Approvals keyed on the customer (credit changes) follow it. */
export async function moveCustomerApprovals(db: Kysely<DB>, fromId: number, toId: number) {
  await db
    .updateTable('approval_request')
    .set({ entity_id: toId })
    .where('entity_type', '=', 'customer')
    .where('entity_id', '=', fromId)
    .execute();
}

/** The survivor takes what it lacked from the duplicate, and the union of both customers' tags. */
export async function fillFromDuplicate(
  db: Kysely<DB>,
  targetId: number,
  fill: Updateable<Customer>,
  sourceTags: string[],
) {
  await db
    .updateTable('customer')
    .set({
      ...fill,
      tags: sql`ARRAY(SELECT DISTINCT unnest(tags || ${sourceTags}::text[]))`,
      updated_at: new Date(),
    })
    .where('id', '=', targetId)
    .execute();
}

/** The duplicate stays as a pointer to the survivor, lost with the reason given. */
export async function markMerged(db: Kysely<DB>, sourceId: number, targetId: number, lostReason: string) {
  await db
    .updateTable('customer')
    .set({
      merged_into_id: targetId,
      lifecycle: 'lost',
      lost_reason: lostReason,
      lifecycle_changed_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', sourceId)
    .execute();
}

// ── Documents (客户资料) ────────────────────────────────────────────────────────────────────────────────

/** Files kept with a customer, newest first, with who uploaded them. */
export function customerDocuments(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('attachment')
    .leftJoin('app_user', 'app_user.id', 'attachment.uploaded_by_user_id')
    .selectAll('attachment')
    .select('app_user.display_name as uploader')
    .where('attachment.customer_id', '=', customerId)
    .orderBy('attachment.id', 'desc')
    .limit(500)
    .execute();
}

export function findCustomerDocument(db: Kysely<DB>, customerId: number, documentId: number) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('id', '=', documentId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
}
