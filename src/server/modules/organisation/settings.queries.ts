import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A settings group merged over its defaults: numbers the seeds leave open live here, not in code. */
export async function readSetting<T extends object>(db: Kysely<DB>, key: string, defaults: T): Promise<T> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return { ...defaults, ...((row?.value as Partial<T> | undefined) ?? {}) };
}

export async function writeSetting(db: Kysely<DB>, key: string, value: object): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('setting')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}
