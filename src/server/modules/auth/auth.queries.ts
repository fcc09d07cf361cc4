import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function findUserByLogin(db: Kysely<DB>, login: string) {
  const lower = login.toLowerCase();
  return db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) =>
      eb.or([eb(sql<string>`lower(username)`, '=', lower), eb(sql<string>`lower(email)`, '=', lower)]),
    )
    .executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function permissionsOfUser(db: Kysely<DB>, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .select(sql<string>`unnest(role.permissions)`.as('permission'))
    .where('user_role.user_id', '=', userId)
    .execute();
  return [...new Set(rows.map((r) => r.permission))];
}

export function rolesOfUser(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .select(['role.id', 'role.code', 'role.name'])
    .where('user_role.user_id', '=', userId)
    .orderBy('role.id')
    .execute();
}

export async function markUserLoggedIn(db: Kysely<DB>, userId: number) {
  await db.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', userId).execute();
}

/** A new password; the user need not change it at next sign-in. */
export async function setUserPassword(db: Kysely<DB>, userId: number, passwordHash: string) {
  await db
    .updateTable('app_user')
    .set({
      password_hash: passwordHash,
      // The database's clock, the one that stamps API tokens: tokens made before this moment stop working.
      password_changed_at: sql<Date>`now()`,
      must_change_password: false,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(
  db: Kysely<DB>,
  row: {
    id: string;
    user_id: number;
    csrf_token: string;
    ip: string;
    user_agent: string | null;
    expires_at: Date;
  },
) {
  await db.insertInto('session').values(row).execute();
}

/** A live session joined with its (active) user. */
export function findLiveSession(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.csrf_token',
      'session.last_seen_at',
      'app_user.id as user_id',
      'app_user.username',
      'app_user.display_name',
      'app_user.locale',
      'app_user.must_change_password',
    ])
    .where('session.id', '=', id)
    .where('session.expires_at', '>', new Date())
    .where('app_user.status', '=', 'active')
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, id: string, expiresAt: Date) {
  await db
    .updateTable('session')
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: number, exceptId?: string) {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '<>', exceptId);
  await query.execute();
}

export function findLiveApiToken(db: Kysely<DB>, tokenHash: string) {
  return (
    db
      .selectFrom('api_token')
      .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
      .select([
        'api_token.id',
        'app_user.id as user_id',
        'app_user.username',
        'app_user.display_name',
        'app_user.locale',
        'app_user.must_change_password',
      ])
      .where('api_token.token_hash', '=', tokenHash)
      .where('api_token.revoked_at', 'is', null)
      // A token made before the owner's last password change belongs to the old trust: it no longer works.
      .where((eb) =>
        eb.or([
          eb('app_user.password_changed_at', 'is', null),
          eb('api_token.created_at', '>=', eb.ref('app_user.password_changed_at')),
        ]),
      )
      .where((eb) =>
        eb.or([eb('api_token.expires_at', 'is', null), eb('api_token.expires_at', '>', new Date())]),
      )
      .where('app_user.status', '=', 'active')
      .executeTakeFirst()
  );
}

export async function markApiTokenUsed(db: Kysely<DB>, id: number) {
  // At most once a minute per token, to keep integrations' hot path free of writes.
  await db
    .updateTable('api_token')
    .set({ last_used_at: new Date() })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(Date.now() - 60_000))]),
    )
    .execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>) {
  const result = await db.deleteFrom('session').where('expires_at', '<', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
