import { sql } from 'kysely';
import { instanceKeyId } from '../crypto/secret-box.ts';
import { StartupError } from '../startup-error.ts';
import type { Database } from './database.ts';

/**
 * Which instance key sealed this database's protected fields (bank accounts, ID numbers, mailbox
 * passwords): its id, recorded by the first start and carried by backups. A node started with another
 * key would answer every reveal with an error and seal new values under a second key, so it refuses to
 * start instead, naming both ids and the fix.
 */
export async function recordedKeyId(db: Database): Promise<string | undefined> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', 'instance_key')
    .executeTakeFirst();
  const id = (row?.value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

export async function checkInstanceKey(db: Database, material: string, where: string): Promise<void> {
  const current = instanceKeyId(material);
  await db
    .insertInto('setting')
    .values({ key: 'instance_key', value: sql`${JSON.stringify({ id: current })}::jsonb` })
    .onConflict((c) => c.column('key').doNothing())
    .execute();
  const recorded = await recordedKeyId(db);
  if (recorded && recorded !== current) {
    throw new StartupError(
      `this database was sealed with instance key ${recorded}, but this node has key ${current} (${where}) — start with the original key: put its secret.key into the data directory or set QIAO_SECRET_KEY (a backup made with --with-key carries it)`,
    );
  }
}
