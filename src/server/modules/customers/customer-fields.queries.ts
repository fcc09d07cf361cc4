import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CustomerField, DB } from '../../db/schema.ts';

/** The custom fields of the customer file in form order (a handful; capped). */
export function listCustomerFields(db: Kysely<DB>, activeOnly = false) {
  let query = db.selectFrom('customer_field').selectAll().orderBy('sort_order').orderBy('id').limit(200);
  if (activeOnly) query = query.where('is_active', '=', true);
  return query.execute();
}

export function insertCustomerField(db: Kysely<DB>, row: Insertable<CustomerField>) {
  return db.insertInto('customer_field').values(row).returningAll().executeTakeFirstOrThrow();
}

export function lockCustomerField(db: Kysely<DB>, id: number) {
  return db.selectFrom('customer_field').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateCustomerField(db: Kysely<DB>, id: number, patch: Updateable<CustomerField>) {
  return db
    .updateTable('customer_field')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
