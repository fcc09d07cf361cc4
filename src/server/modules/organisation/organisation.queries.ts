import type { Kysely, Updateable } from 'kysely';
import type { DB, Organisation } from '../../db/schema.ts';

export async function readOrganisation(db: Kysely<DB>) {
  const row = await db.selectFrom('organisation').selectAll().where('id', '=', 1).executeTakeFirst();
  if (row) return row;
  // Created on first read so a fresh database always has its one organisation row.
  return db
    .insertInto('organisation')
    .values({ id: 1, name: '我的公司' })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(() => db.selectFrom('organisation').selectAll().where('id', '=', 1).executeTakeFirstOrThrow());
}

export async function updateOrganisationRow(db: Kysely<DB>, patch: Updateable<Organisation>) {
  return db
    .updateTable('organisation')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listNumberPatterns(db: Kysely<DB>) {
  return db.selectFrom('number_pattern').selectAll().orderBy('kind').execute();
}

export async function upsertNumberPattern(db: Kysely<DB>, kind: string, pattern: string) {
  await db
    .insertInto('number_pattern')
    .values({ kind, pattern })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ pattern, updated_at: new Date() }))
    .execute();
}

export function findNumberPattern(db: Kysely<DB>, kind: string) {
  return db.selectFrom('number_pattern').select('pattern').where('kind', '=', kind).executeTakeFirst();
}

/** Next value of a counter; the row lock makes concurrent callers queue, so no number is given twice. */
/** Takes `by` numbers of a sequence at once and returns the last of them. */
export async function bumpSequence(db: Kysely<DB>, kind: string, period: string, by = 1): Promise<number> {
  const row = await db
    .insertInto('number_sequence')
    .values({ kind, period, last_value: by })
    .onConflict((oc) =>
      oc
        .columns(['kind', 'period'])
        .doUpdateSet((eb) => ({ last_value: eb('number_sequence.last_value', '+', by) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}
