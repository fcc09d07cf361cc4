import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.ts';

// Migrations are listed explicitly (not read from a folder) so that the same list works
// under node, vitest and any bundler; they only move forward.
const provider = { getMigrations: async (): Promise<Record<string, Migration>> => migrations };

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'qiao_migration',
    migrationLockTableName: 'qiao_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Brings a database to an exact migration (restore loads a backup at the level it was taken). */
export async function migrateTo<T>(db: Kysely<T>, name: string): Promise<void> {
  if (!Object.hasOwn(migrations, name))
    throw new Error(`unknown migration ${name}: the backup is from a newer Qiao`);
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'qiao_migration',
    migrationLockTableName: 'qiao_migration_lock',
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw new Error(`migration to ${name} failed: ${String(error)}`, { cause: error });
}
