import type { InsertObject, Kysely, UpdateObject } from 'kysely';
import type { DB } from '../../db/schema.ts';

export const findType = (db: Kysely<DB>, id: number) =>
  db.selectFrom('ticket_type').selectAll().where('id', '=', id).executeTakeFirst();
export const findCategory = (db: Kysely<DB>, id: number) =>
  db.selectFrom('ticket_category').selectAll().where('id', '=', id).executeTakeFirst();
export const findField = (db: Kysely<DB>, id: number) =>
  db.selectFrom('ticket_field').selectAll().where('id', '=', id).executeTakeFirst();
export const findPolicy = (db: Kysely<DB>, id: number) =>
  db.selectFrom('sla_policy').selectAll().where('id', '=', id).executeTakeFirst();

/** Configuration lists are short (tens of rows), capped rather than paged. */
export const listTypes = (db: Kysely<DB>) =>
  db.selectFrom('ticket_type').selectAll().orderBy('sort_order').orderBy('id').limit(500).execute();
export const listCategories = (db: Kysely<DB>) =>
  db.selectFrom('ticket_category').selectAll().orderBy('sort_order').orderBy('id').limit(2000).execute();
export const listPolicies = (db: Kysely<DB>) =>
  db.selectFrom('sla_policy').selectAll().orderBy('position').orderBy('id').limit(500).execute();
export const fieldsOfType = (db: Kysely<DB>, typeId: number, activeOnly = false) => {
  let query = db
    .selectFrom('ticket_field')
    .selectAll()
    .where('type_id', '=', typeId)
    .orderBy('sort_order')
    .orderBy('id')
    .limit(200);
  if (activeOnly) query = query.where('is_active', '=', true);
  return query.execute();
};

export async function insertType(db: Kysely<DB>, row: InsertObject<DB, 'ticket_type'>) {
  return (await db.insertInto('ticket_type').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
export async function updateType(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'ticket_type'>) {
  await db.updateTable('ticket_type').set(patch).where('id', '=', id).execute();
}

export async function insertCategory(db: Kysely<DB>, row: InsertObject<DB, 'ticket_category'>) {
  return (await db.insertInto('ticket_category').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
export async function updateCategory(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'ticket_category'>) {
  await db.updateTable('ticket_category').set(patch).where('id', '=', id).execute();
}

export async function insertField(db: Kysely<DB>, row: InsertObject<DB, 'ticket_field'>) {
  return (await db.insertInto('ticket_field').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
export async function updateField(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'ticket_field'>) {
  await db.updateTable('ticket_field').set(patch).where('id', '=', id).execute();
}

export async function insertPolicy(db: Kysely<DB>, row: InsertObject<DB, 'sla_policy'>) {
  return (await db.insertInto('sla_policy').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
export async function updatePolicy(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'sla_policy'>) {
  await db.updateTable('sla_policy').set(patch).where('id', '=', id).execute();
}
