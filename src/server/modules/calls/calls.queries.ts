import { type InsertObject, type Kysely, sql, type UpdateObject } from 'kysely';
import { OPEN_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { DB } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import { callTerms } from '../../search/documents.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import type { TicketScope } from '../tickets/tickets.policy.ts';
import { scoped } from '../tickets/tickets.queries.ts';
import type { CallScope } from './calls.policy.ts';

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('call_record')
    .leftJoin('contact', 'contact.id', 'call_record.contact_id')
    .leftJoin('customer', 'customer.id', 'call_record.customer_id')
    .leftJoin('app_user', 'app_user.id', 'call_record.agent_user_id')
    .selectAll('call_record')
    .select([
      'contact.name as contact_name',
      'customer.name as customer_name',
      'app_user.display_name as agent_name',
    ]);
}
export type CallRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

export const findCall = (db: Kysely<DB>, id: number) =>
  withNames(db).where('call_record.id', '=', id).executeTakeFirst();
export const findCallByExternalId = (db: Kysely<DB>, externalId: string) =>
  db
    .selectFrom('call_record')
    .selectAll()
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirst();

/** Newest first, keyset on id; every scope is currently the whole log (calls.policy.ts). */
export function listCalls(
  db: Kysely<DB>,
  _scope: CallScope,
  f: {
    direction?: string | undefined;
    agentUserId?: number | undefined;
    customerId?: number | undefined;
    number?: string | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  let query = withNames(db)
    .orderBy('call_record.id', 'desc')
    .limit(f.limit + 1);
  if (f.cursor) query = query.where('call_record.id', '<', cursorId(f.cursor));
  if (f.direction) query = query.where('call_record.direction', '=', f.direction);
  if (f.agentUserId) query = query.where('call_record.agent_user_id', '=', f.agentUserId);
  if (f.customerId) query = query.where('call_record.customer_id', '=', f.customerId);
  if (f.number) query = query.where('call_record.number', '=', f.number);
  if (f.q) {
    const tsq = buildTsQuery(f.q);
    query = query.where(
      tsq ? sql<boolean>`call_record.search_terms @@ ${tsq}::tsquery` : sql<boolean>`false`,
    );
  }
  return query.execute();
}

const SEARCHED = ['number', 'purpose', 'result', 'notes'] as const;

/** The call's search terms (number in every form, purpose, result, notes), after a change to them. */
async function refreshTerms(db: Kysely<DB>, id: number) {
  const call = await db
    .selectFrom('call_record')
    .select(SEARCHED)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('call_record')
    .set({ search_terms: sql<string>`array_to_tsvector(${callTerms(call)}::text[])` })
    .where('id', '=', id)
    .execute();
}

export async function insertCall(db: Kysely<DB>, row: InsertObject<DB, 'call_record'>) {
  const id = (await db.insertInto('call_record').values(row).returning('id').executeTakeFirstOrThrow()).id;
  await refreshTerms(db, id);
  return id;
}

export async function updateCall(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'call_record'>) {
  await db.updateTable('call_record').set(patch).where('id', '=', id).execute();
  if (SEARCHED.some((column) => column in patch)) await refreshTerms(db, id);
}

/** Numbers are compared by their digits (and the last 11 for mobile numbers written with +86). */
export function normalisePhone(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.length > 11 && digits.startsWith('86') ? digits.slice(2) : digits;
}

export function contactByNumber(db: Kysely<DB>, number: string) {
  const digits = normalisePhone(number);
  return db
    .selectFrom('contact')
    .leftJoin('customer', 'customer.id', 'contact.customer_id')
    .select(['contact.id', 'contact.name', 'contact.customer_id', 'customer.name as customer_name'])
    .where((eb) =>
      eb.or([
        eb(sql`regexp_replace(contact.phone, '\\D', '', 'g')`, 'in', [digits, `86${digits}`]),
        eb(sql`regexp_replace(contact.mobile, '\\D', '', 'g')`, 'in', [digits, `86${digits}`]),
      ]),
    )
    .orderBy('contact.id')
    .executeTakeFirst();
}

/** The caller's open requests that the agent may see (the tickets policy's scope). */
export function openTicketsOf(
  db: Kysely<DB>,
  scope: TicketScope,
  contactId: number,
  customerId: number | null,
) {
  return db
    .selectFrom('ticket')
    .select(['id', 'number', 'subject', 'status'])
    .where((eb) => scoped(eb, scope))
    .where((eb) =>
      customerId
        ? eb.or([eb('contact_id', '=', contactId), eb('customer_id', '=', customerId)])
        : eb('contact_id', '=', contactId),
    )
    .where('status', 'in', [...OPEN_STATUSES])
    .orderBy('id', 'desc')
    .limit(10)
    .execute();
}

export async function countRecentCalls(db: Kysely<DB>, contactId: number) {
  const row = await db
    .selectFrom('call_record')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contact_id', '=', contactId)
    .where('started_at', '>', new Date(Date.now() - 30 * 86_400_000))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function userByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
}
