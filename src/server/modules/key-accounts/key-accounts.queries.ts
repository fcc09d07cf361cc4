import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB, KeyAccount, KeyAccountMeasure } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import type { KeyAccountScope } from './key-accounts.policy.ts';

function accounts(db: Kysely<DB>) {
  return db
    .selectFrom('key_account as k')
    .innerJoin('customer as c', 'c.id', 'k.customer_id')
    .leftJoin('app_user as applicant', 'applicant.id', 'k.applied_by')
    .leftJoin('app_user as specialist', 'specialist.id', 'k.specialist_user_id')
    .selectAll('k')
    .select((eb) => [
      'c.name as customer_name',
      'c.code as customer_code',
      'c.class as customer_class',
      'applicant.display_name as applicant_name',
      'specialist.display_name as specialist_name',
      eb
        .selectFrom('key_account_measure as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.key_account_id', '=', 'k.id')
        .where('m.status', 'in', ['open', 'in_progress'])
        .as('open_measures'),
    ]);
}
export type KeyAccountRow = NonNullable<Awaited<ReturnType<ReturnType<typeof accounts>['executeTakeFirst']>>>;

export const findKeyAccount = (db: Kysely<DB>, id: number) =>
  accounts(db).where('k.id', '=', id).executeTakeFirst();
export const findKeyAccountOfCustomer = (db: Kysely<DB>, customerId: number) =>
  accounts(db).where('k.customer_id', '=', customerId).executeTakeFirst();
export const lockKeyAccount = (db: Kysely<DB>, id: number) =>
  db.selectFrom('key_account').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Newest first, keyset by id; `scope` is the policy's: every key account today (key-accounts.policy.ts). */
export function listKeyAccounts(
  db: Kysely<DB>,
  _scope: KeyAccountScope,
  f: {
    status?: string | undefined;
    specialistUserId?: number | undefined;
    revisitDue?: boolean;
    cursor?: string | undefined;
    limit: number;
  },
  today: string,
) {
  let q = accounts(db);
  if (f.status) q = q.where('k.status', '=', f.status);
  if (f.specialistUserId) q = q.where('k.specialist_user_id', '=', f.specialistUserId);
  if (f.revisitDue) q = q.where('k.status', '=', 'designated').where('k.next_revisit_on', '<=', today);
  if (f.cursor) q = q.where('k.id', '<', cursorId(f.cursor));
  return q
    .orderBy('k.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export function measuresOf(db: Kysely<DB>, keyAccountId: number) {
  return db
    .selectFrom('key_account_measure as m')
    .leftJoin('app_user as u', 'u.id', 'm.owner_user_id')
    .selectAll('m')
    .select('u.display_name as owner_name')
    .where('m.key_account_id', '=', keyAccountId)
    .orderBy('m.id')
    .limit(500)
    .execute();
}
export type MeasureRow = Awaited<ReturnType<typeof measuresOf>>[number];

/** Designated key accounts whose revisit falls due today or earlier and whose specialist was not reminded today. */
export function revisitsToRemind(db: Kysely<DB>, today: string) {
  return db
    .selectFrom('key_account as k')
    .innerJoin('customer as c', 'c.id', 'k.customer_id')
    .select([
      'k.id',
      'k.specialist_user_id',
      'k.next_revisit_on',
      'c.name as customer_name',
      'c.id as customer_id',
    ])
    .where('k.status', '=', 'designated')
    .where('k.next_revisit_on', '<=', today)
    .where((eb) => eb.or([eb('k.revisit_reminded_on', 'is', null), eb('k.revisit_reminded_on', '<', today)]))
    .limit(1000)
    .execute();
}

/** The customer a key account is asked for, locked for the application. */
export function lockCustomer(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('customer')
    .select(['id', 'name', 'lifecycle', 'merged_into_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function lockKeyAccountOfCustomer(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('key_account')
    .selectAll()
    .where('customer_id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertKeyAccount(db: Kysely<DB>, row: Insertable<KeyAccount>) {
  return (await db.insertInto('key_account').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateKeyAccount(db: Kysely<DB>, id: number, patch: Updateable<KeyAccount>) {
  await db.updateTable('key_account').set(patch).where('id', '=', id).execute();
}

export function customerClassOf(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('customer')
    .select(['id', 'name', 'class'])
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
}

/** The customer becomes class `cls` for the reason given (a designated key account is A). */
export async function setCustomerClass(db: Kysely<DB>, customerId: number, cls: string, reason: string) {
  await db
    .updateTable('customer')
    .set({ class: cls, class_reason: reason, class_changed_at: new Date(), updated_at: new Date() })
    .where('id', '=', customerId)
    .execute();
}

export async function insertMeasure(db: Kysely<DB>, row: Insertable<KeyAccountMeasure>) {
  return (await db.insertInto('key_account_measure').values(row).returning('id').executeTakeFirstOrThrow())
    .id;
}

export function lockMeasure(db: Kysely<DB>, id: number) {
  return db.selectFrom('key_account_measure').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateMeasure(db: Kysely<DB>, id: number, patch: Updateable<KeyAccountMeasure>) {
  await db.updateTable('key_account_measure').set(patch).where('id', '=', id).execute();
}

/** The designated key account of a customer, with what its revisit plan needs. */
export function designatedOfCustomer(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('key_account')
    .select(['id', 'revisit_interval_days', 'last_revisit_at'])
    .where('customer_id', '=', customerId)
    .where('status', '=', 'designated')
    .executeTakeFirst();
}

export async function markReminded(db: Kysely<DB>, id: number, today: string) {
  await db.updateTable('key_account').set({ revisit_reminded_on: today }).where('id', '=', id).execute();
}
