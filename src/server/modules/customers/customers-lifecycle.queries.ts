import { type Kysely, sql } from 'kysely';
import type { Lifecycle } from '../../../shared/schemas/customers.ts';
import type { DB } from '../../db/schema.ts';

/** A customer's lifecycle: manual moves, the facts of the class suggestion, and dormancy. */

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
