import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Customer, DB } from '../../db/schema.ts';

/**
 * The customer file itself: one row with its people's names and open requests, locked, inserted, updated,
 * and its sealed numbers. Lists and search are in customers-search.queries.ts, lifecycle and dormancy in
 * customers-lifecycle.queries.ts, merging in customers-merge.queries.ts.
 */

export type CustomerRow = Selectable<Customer> & {
  owner_name: string | null;
  advisor_name: string | null;
  open_tickets: number;
  /** last_activity_at to the microsecond, for the list cursor. */
  activity_key: string | null;
};

const OPEN = ['new', 'assigned', 'in_progress', 'waiting_customer', 'waiting_third_party'];

/** The customer query with its owner's and advisor's names, its open requests and its activity key. */
export function customerWithRefs(db: Kysely<DB>) {
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
  return (await customerWithRefs(db).where('customer.id', '=', id).executeTakeFirst()) as
    | CustomerRow
    | undefined;
}

export async function lockCustomer(db: Kysely<DB>, id: number) {
  return db.selectFrom('customer').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
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

/** The sealed bank account and ID number of a customer (opened only by an audited reveal). */
export function findSecrets(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('customer')
    .select(['name', 'bank_account_enc', 'id_number_enc'])
    .where('id', '=', id)
    .executeTakeFirst();
}
