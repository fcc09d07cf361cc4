import { type Kysely, sql, type Updateable } from 'kysely';
import type { ContactCreate, ContactUpdate } from '../../../shared/schemas/customers.ts';
import type { Database } from '../../db/database.ts';
import type { Contact, DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { indexTerms } from '../../search/text-search.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ContactRow } from './customers.presenter.ts';
import { reindexCustomer } from './customers.queries.ts';

function columnsOf(input: ContactUpdate): Updateable<Contact> {
  const c: Updateable<Contact> = {};
  const map = {
    name: 'name',
    title: 'title',
    department: 'department',
    phone: 'phone',
    mobile: 'mobile',
    email: 'email',
    wechat: 'wechat',
    birthday: 'birthday',
    preferredChannel: 'preferred_channel',
    isPrimary: 'is_primary',
    isActive: 'is_active',
    notes: 'notes',
  } as const;
  for (const [key, column] of Object.entries(map) as [keyof typeof map, (typeof map)[keyof typeof map]][]) {
    const value = input[key];
    if (value !== undefined) (c as Record<string, unknown>)[column] = value;
  }
  return c;
}

const searchTerms = (c: {
  name: string;
  phone?: string | null;
  mobile?: string | null;
  email?: string | null;
}) =>
  sql<string>`array_to_tsvector(${indexTerms([c.name, c.phone, c.mobile, c.email].filter(Boolean).join(' '))}::text[])`;

/** One primary contact per customer: marking a new one unmarks the others. */
async function keepOnePrimary(trx: Kysely<DB>, customerId: number, primaryId: number) {
  await trx
    .updateTable('contact')
    .set({ is_primary: false })
    .where('customer_id', '=', customerId)
    .where('id', '!=', primaryId)
    .where('is_primary', '=', true)
    .execute();
}

export async function insertContact(
  trx: Kysely<DB>,
  customerId: number,
  input: ContactCreate,
): Promise<number> {
  const { id } = await trx
    .insertInto('contact')
    .values({
      ...columnsOf(input),
      name: input.name,
      customer_id: customerId,
      search_terms: searchTerms(input),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.isPrimary) await keepOnePrimary(trx, customerId, id);
  return id;
}

export async function createContact(
  db: Database,
  ctx: RequestContext,
  customerId: number,
  input: ContactCreate,
) {
  return db.transaction().execute(async (trx) => {
    const customer = await trx
      .selectFrom('customer')
      .select(['id', 'name'])
      .where('id', '=', customerId)
      .executeTakeFirst();
    if (!customer) throw notFound();
    const id = await insertContact(trx, customerId, input);
    await reindexCustomer(trx, customerId);
    await recordAudit(trx, ctx, {
      action: 'contact.create',
      entityType: 'customer',
      entityId: customerId,
      entityLabel: customer.name,
      after: { contactId: id, ...columnsOf(input) },
    });
    return id;
  });
}

export async function updateContact(
  db: Database,
  ctx: RequestContext,
  contactId: number,
  input: ContactUpdate,
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('contact')
      .selectAll()
      .where('id', '=', contactId)
      .forUpdate()
      .executeTakeFirst();
    if (!before?.customer_id) throw notFound();
    const columns = columnsOf(input);
    const next = { ...before, ...columns } as typeof before;
    await trx
      .updateTable('contact')
      .set({ ...columns, search_terms: searchTerms(next), updated_at: new Date() })
      .where('id', '=', contactId)
      .execute();
    if (columns.is_primary) await keepOnePrimary(trx, before.customer_id, contactId);
    await reindexCustomer(trx, before.customer_id);
    await recordAudit(trx, ctx, {
      action: 'contact.update',
      entityType: 'customer',
      entityId: before.customer_id,
      entityLabel: before.name,
      before: Object.fromEntries(Object.keys(columns).map((k) => [k, before[k as keyof typeof before]])),
      after: { contactId, ...columns },
    });
    return before.customer_id;
  });
}

export async function listContacts(db: Kysely<DB>, customerId: number): Promise<ContactRow[]> {
  return db
    .selectFrom('contact')
    .leftJoin('portal_account', 'portal_account.contact_id', 'contact.id')
    .selectAll('contact')
    .select('portal_account.status as portal_status')
    .where('contact.customer_id', '=', customerId)
    .orderBy('contact.is_primary', 'desc')
    .orderBy('contact.id')
    .limit(200)
    .execute();
}

export async function findContactRow(db: Kysely<DB>, contactId: number): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contact')
    .leftJoin('portal_account', 'portal_account.contact_id', 'contact.id')
    .selectAll('contact')
    .select('portal_account.status as portal_status')
    .where('contact.id', '=', contactId)
    .executeTakeFirst();
}
