import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Contact, DB } from '../../db/schema.ts';
import { contactTerms, customerExtraTerms } from '../../search/documents.ts';
import { buildTsQuery, indexTerms } from '../../search/text-search.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import type { CustomerScope } from './customers.policy.ts';

export function findContact(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('contact')
    .leftJoin('customer', 'customer.id', 'contact.customer_id')
    .select([
      'contact.id',
      'contact.name',
      'contact.customer_id',
      'contact.email',
      'customer.class as customer_class',
    ])
    .where('contact.id', '=', id)
    .executeTakeFirst();
}

export function findCustomer(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('customer')
    .select(['id', 'name', 'class', 'advisor_user_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A caller matched by email or phone, so one person does not become many contacts. */
export function findContactByAddress(
  db: Kysely<DB>,
  email: string | null | undefined,
  phone: string | null | undefined,
) {
  if (!email && !phone) return Promise.resolve(undefined);
  return (
    db
      .selectFrom('contact')
      .select(['id', 'customer_id'])
      // An unverified sender of the public form is nobody's match until confirmed.
      .where('unverified', '=', false)
      .where((eb) => {
        const any = [];
        if (email) any.push(eb(sql<string>`lower(email)`, '=', email.toLowerCase()));
        if (phone) any.push(eb('phone', '=', phone), eb('mobile', '=', phone));
        return eb.or(any);
      })
      .orderBy('id')
      .executeTakeFirst()
  );
}

/** Minimal customer + contact records for requests from people not yet on file (the customer module grows these). */
export async function createContactWithCustomer(
  db: Kysely<DB>,
  input: {
    name: string;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    company?: string | null | undefined;
  },
) {
  let customerId: number | null = null;
  if (input.company) {
    const existing = await db
      .selectFrom('customer')
      .select('id')
      .where('name', '=', input.company)
      .executeTakeFirst();
    if (existing) customerId = existing.id;
    else {
      const code = await nextRecordNumber(db, 'customer');
      const terms = [
        ...indexTerms(`${code} ${input.company}`),
        ...customerExtraTerms({ name: input.company }),
      ];
      customerId = (
        await db
          .insertInto('customer')
          .values({
            code,
            name: input.company,
            kind: 'company',
            search_terms: sql`array_to_tsvector(${terms}::text[])`,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
  }
  const terms = contactTerms(input);
  const contact = await db
    .insertInto('contact')
    .values({
      customer_id: customerId,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      search_terms: sql`array_to_tsvector(${terms}::text[])`,
    })
    .returning(['id', 'customer_id'])
    .executeTakeFirstOrThrow();
  return contact;
}

export type ContactRow = Selectable<Contact> & { portal_status: string | null };

/** A customer's contacts, primary first (with their portal account's status). */
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

/** The search terms of a contact: its name (also by pinyin), title, phones in every form and email. */
const searchTerms = (c: Parameters<typeof contactTerms>[0]) =>
  sql<string>`array_to_tsvector(${contactTerms(c)}::text[])`;

/** Inserts a contact with its search terms. */
export async function insertContactRow(
  db: Kysely<DB>,
  row: Omit<Insertable<Contact>, 'search_terms'> & { name: string },
): Promise<number> {
  return (
    await db
      .insertInto('contact')
      .values({ ...row, search_terms: searchTerms(row) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function lockContact(db: Kysely<DB>, id: number) {
  return db.selectFrom('contact').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Writes a contact's changed columns; `next` is the whole contact after them, for its search terms. */
export async function updateContactRow(
  db: Kysely<DB>,
  id: number,
  patch: Updateable<Contact>,
  next: Selectable<Contact>,
) {
  await db
    .updateTable('contact')
    .set({ ...patch, search_terms: searchTerms(next), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** One primary contact per customer: marking a new one unmarks the others. */
export async function keepOnePrimary(db: Kysely<DB>, customerId: number, primaryId: number) {
  await db
    .updateTable('contact')
    .set({ is_primary: false })
    .where('customer_id', '=', customerId)
    .where('id', '!=', primaryId)
    .where('is_primary', '=', true)
    .execute();
}

/** The contact when it belongs to the customer. */
export function contactOfCustomer(db: Kysely<DB>, customerId: number, contactId: number) {
  return db
    .selectFrom('contact')
    .select('id')
    .where('id', '=', contactId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
}

/** Type-ahead over contacts and their customers' search terms, newest contacts first. */
export async function lookupContacts(db: Kysely<DB>, _scope: CustomerScope, text: string, limit: number) {
  const tsq = buildTsQuery(text);
  if (!tsq) return [];
  return db
    .selectFrom('contact')
    .leftJoin('customer', 'customer.id', 'contact.customer_id')
    .select([
      'contact.id',
      'contact.name',
      'contact.email',
      'contact.phone',
      'contact.mobile',
      'contact.customer_id',
      'customer.name as customer_name',
      'customer.class',
    ])
    .where((eb) =>
      eb.or([
        eb(sql`contact.search_terms`, '@@', sql`${tsq}::tsquery`),
        eb(sql`customer.search_terms`, '@@', sql`${tsq}::tsquery`),
      ]),
    )
    .orderBy('contact.id', 'desc')
    .limit(limit)
    .execute();
}

export type LookupRow = Awaited<ReturnType<typeof lookupContacts>>[number];
