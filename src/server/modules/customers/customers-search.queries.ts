import { type Kysely, sql } from 'kysely';
import type { CustomerListQuery } from '../../../shared/schemas/customers.ts';
import type { DB } from '../../db/schema.ts';
import { keyedCursor } from '../../http/paging.ts';
import { customerExtraTerms } from '../../search/documents.ts';
import { buildTsQuery, indexTerms } from '../../search/text-search.ts';
import type { CustomerScope } from './customers.policy.ts';
import { type CustomerRow, customerWithRefs } from './customers.queries.ts';

/** Finding customers: the search index, the list with its cursor, duplicate checks and the facets in use. */

export function customerSearchText(c: {
  code: string;
  name: string;
  short_name?: string | null;
  phone?: string | null;
  email?: string | null;
  tax_id?: string | null;
  industry?: string | null;
  kind?: string | null;
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
  // and by the pinyin of its names and its phone number in any format (search/documents.ts)
  return [...new Set([...indexTerms(text), ...customerExtraTerms(c)])];
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
  let query = customerWithRefs(db).where('customer.merged_into_id', 'is', null);
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

  const keyKind = f.sort === 'name' ? 'text' : f.sort === 'activity' ? 'time' : 'id';
  const after = f.cursor ? keyedCursor(f.cursor, keyKind) : undefined;
  const cursorValue = after?.key;
  const afterId = after?.id;
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
