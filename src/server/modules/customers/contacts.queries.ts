import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { indexTerms } from '../../search/text-search.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';

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
  return db
    .selectFrom('contact')
    .select(['id', 'customer_id'])
    .where((eb) => {
      const any = [];
      if (email) any.push(eb(sql<string>`lower(email)`, '=', email.toLowerCase()));
      if (phone) any.push(eb('phone', '=', phone), eb('mobile', '=', phone));
      return eb.or(any);
    })
    .orderBy('id')
    .executeTakeFirst();
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
      const terms = indexTerms(`${code} ${input.company}`);
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
  const terms = indexTerms([input.name, input.email, input.phone].filter(Boolean).join(' '));
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
