import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CreditChangeListQuery } from '../../../shared/schemas/credit-changes.ts';
import type { CreditChangeRequest, DB } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import type { CreditChangeScope } from './credit-changes.policy.ts';

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('credit_change_request')
    .innerJoin('customer', 'customer.id', 'credit_change_request.customer_id')
    .leftJoin('app_user', 'app_user.id', 'credit_change_request.requested_by')
    .selectAll('credit_change_request')
    .select([
      'customer.code as customer_code',
      'customer.name as customer_name',
      'app_user.display_name as requester_name',
    ]);
}
export type CreditChangeRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

export const findCreditChange = (db: Kysely<DB>, id: number) =>
  withNames(db).where('credit_change_request.id', '=', id).executeTakeFirst();

/** Newest first, keyset by id; `scope` is the policy's: every change today (see credit-changes.policy.ts). */
export function listCreditChanges(db: Kysely<DB>, _scope: CreditChangeScope, f: CreditChangeListQuery) {
  let query = withNames(db)
    .orderBy('credit_change_request.id', 'desc')
    .limit(f.limit + 1);
  if (f.status) query = query.where('credit_change_request.status', '=', f.status);
  if (f.customerId) query = query.where('credit_change_request.customer_id', '=', f.customerId);
  if (f.cursor) query = query.where('credit_change_request.id', '<', cursorId(f.cursor));
  return query.execute();
}

export async function insertCreditChange(db: Kysely<DB>, row: Insertable<CreditChangeRequest>) {
  return (await db.insertInto('credit_change_request').values(row).returning('id').executeTakeFirstOrThrow())
    .id;
}

export async function updateCreditChange(db: Kysely<DB>, id: number, patch: Updateable<CreditChangeRequest>) {
  await db.updateTable('credit_change_request').set(patch).where('id', '=', id).execute();
}

export function lockByApproval(db: Kysely<DB>, approvalRequestId: number) {
  return db
    .selectFrom('credit_change_request')
    .selectAll()
    .where('approval_request_id', '=', approvalRequestId)
    .forUpdate()
    .executeTakeFirst();
}

export function lockCreditChange(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('credit_change_request')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function pendingFor(db: Kysely<DB>, customerId: number) {
  return db
    .selectFrom('credit_change_request')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function lockCustomerCredit(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('customer')
    .select([
      'id',
      'name',
      'lifecycle',
      'merged_into_id',
      'credit_level',
      'credit_limit',
      'credit_period_days',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setCustomerCredit(
  db: Kysely<DB>,
  id: number,
  credit: { level: string; limit: string | null; periodDays: number | null },
) {
  await db
    .updateTable('customer')
    .set({
      credit_level: credit.level,
      credit_limit: credit.limit,
      credit_period_days: credit.periodDays,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}
