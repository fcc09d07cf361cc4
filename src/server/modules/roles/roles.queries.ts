import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, Role } from '../../db/schema.ts';
import type { RoleScope } from './roles.policy.ts';

function withUserCount(db: Kysely<DB>) {
  return db
    .selectFrom('role')
    .selectAll('role')
    .select((eb) =>
      eb
        .selectFrom('user_role')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('user_role.role_id', '=', 'role.id')
        .as('user_count'),
    );
}
export type RoleRow = Awaited<ReturnType<ReturnType<typeof withUserCount>['executeTakeFirstOrThrow']>>;

/** Roles are a short, bounded list (dozens), so the whole list is one page. */
export function listRoles(db: Kysely<DB>, _scope: RoleScope) {
  return withUserCount(db).orderBy('role.id').limit(500).execute();
}

export function findRole(db: Kysely<DB>, id: number) {
  return withUserCount(db).where('role.id', '=', id).executeTakeFirst();
}

export async function insertRole(db: Kysely<DB>, row: Insertable<Role>) {
  return (await db.insertInto('role').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRoleRow(db: Kysely<DB>, id: number, patch: Updateable<Role>) {
  await db
    .updateTable('role')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteRoleRow(db: Kysely<DB>, id: number) {
  await db.deleteFrom('role').where('id', '=', id).execute();
}
