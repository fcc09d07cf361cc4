import { type InsertObject, type Kysely, sql, type UpdateObject } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { indexTerms } from '../../search/text-search.ts';
import type { CannedScope } from './ticket-config.policy.ts';

/** Shared responses and the caller's own (ticket-config.policy.ts), optionally searched; at most `limit`. */
export function listCanned(db: Kysely<DB>, scope: CannedScope, tsQuery: string | null, limit = 100) {
  let query = db
    .selectFrom('canned_response')
    .selectAll()
    .where((eb) => eb.or([eb('owner_user_id', 'is', null), eb('owner_user_id', '=', scope.userId)]))
    .orderBy('title')
    .limit(limit);
  if (tsQuery) query = query.where(sql<boolean>`search_terms @@ ${tsQuery}::tsquery`);
  return query.execute();
}

export function findCanned(db: Kysely<DB>, id: number) {
  return db.selectFrom('canned_response').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored search terms of a response: its title and body. */
export const cannedTerms = (title: string, body: string) =>
  sql<string>`array_to_tsvector(${indexTerms(`${title} ${body}`)}::text[])`;

export function insertCanned(db: Kysely<DB>, values: InsertObject<DB, 'canned_response'>) {
  return db.insertInto('canned_response').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateCanned(db: Kysely<DB>, id: number, values: UpdateObject<DB, 'canned_response'>) {
  return db
    .updateTable('canned_response')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteCannedRow(db: Kysely<DB>, id: number) {
  await db.deleteFrom('canned_response').where('id', '=', id).execute();
}
