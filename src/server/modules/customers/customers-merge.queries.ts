import { type Kysely, sql, type Updateable } from 'kysely';
import type { Customer, DB } from '../../db/schema.ts';

/** Merging a duplicate customer into the one that survives. */

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
