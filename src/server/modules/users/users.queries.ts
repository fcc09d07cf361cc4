import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { AppUser, DB } from '../../db/schema.ts';
import { indexTerms } from '../../search/text-search.ts';
import type { UserScope } from './users.policy.ts';

export interface UserFilter {
  tsQuery: string | null;
  departmentId?: number | undefined;
  roleId?: number | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
}

const userColumns = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.email',
  'app_user.phone',
  'app_user.job_title',
  'app_user.department_id',
  'app_user.locale',
  'app_user.status',
  'app_user.last_login_at',
  'app_user.created_at',
] as const;

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('app_user')
    .leftJoin('department', 'department.id', 'app_user.department_id')
    .select(userColumns)
    .select('department.name as department_name')
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('user_role')
            .select(sql<number[]>`array_agg(role_id ORDER BY role_id)`.as('ids'))
            .whereRef('user_role.user_id', '=', 'app_user.id'),
          sql<number[]>`'{}'::bigint[]`,
        )
        .as('role_ids'),
    );
}
export type UserRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** `scope` is the policy's: every user (see users.policy.ts); the parameter keeps the seam. */
export async function listUsers(db: Kysely<DB>, _scope: UserScope, f: UserFilter) {
  let query = baseQuery(db);
  let count = db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n'));
  if (f.tsQuery) {
    query = query.where(sql<boolean>`app_user.search_terms @@ ${f.tsQuery}::tsquery`);
    count = count.where(sql<boolean>`app_user.search_terms @@ ${f.tsQuery}::tsquery`);
  }
  if (f.departmentId) {
    query = query.where('app_user.department_id', '=', f.departmentId);
    count = count.where('app_user.department_id', '=', f.departmentId);
  }
  if (f.status) {
    query = query.where('app_user.status', '=', f.status);
    count = count.where('app_user.status', '=', f.status);
  }
  if (f.roleId) {
    const roleId = f.roleId;
    const hasRole = sql<boolean>`EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = app_user.id AND ur.role_id = ${roleId})`;
    query = query.where(hasRole);
    count = count.where(hasRole);
  }
  const [items, total] = await Promise.all([
    query
      .orderBy('app_user.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The fields the user search looks in. */
export interface SearchedUserFields {
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
}

/** The search terms of a user as a tsvector value. */
function searchTermsOf(u: SearchedUserFields) {
  const terms = indexTerms(
    [u.username, u.display_name, u.email, u.phone, u.job_title].filter(Boolean).join(' '),
  );
  return sql<string>`array_to_tsvector(${terms}::text[])`;
}

/** A new user; its search terms are built from the searched fields. */
export async function insertUser(
  db: Kysely<DB>,
  searched: SearchedUserFields,
  rest: Omit<Insertable<AppUser>, keyof SearchedUserFields | 'search_terms'>,
): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({ ...searched, ...rest, search_terms: searchTermsOf(searched) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a user; the searched fields come in full so that its search terms are rebuilt from them. */
export async function updateUserRow(
  db: Kysely<DB>,
  id: number,
  searched: SearchedUserFields,
  rest: Omit<Updateable<AppUser>, keyof SearchedUserFields | 'search_terms'>,
) {
  await db
    .updateTable('app_user')
    .set({ ...searched, ...rest, search_terms: searchTermsOf(searched) })
    .where('id', '=', id)
    .execute();
}

export function findUser(db: Kysely<DB>, id: number) {
  return baseQuery(db).where('app_user.id', '=', id).executeTakeFirst();
}

export async function setUserRoles(db: Kysely<DB>, userId: number, roleIds: number[]) {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roleIds.length) {
    await db
      .insertInto('user_role')
      .values(roleIds.map((roleId) => ({ user_id: userId, role_id: roleId })))
      .execute();
  }
}

export async function existingRoleIds(db: Kysely<DB>, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('role').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** Active users holding the admin role, excluding one user (the one being changed). */
export async function countOtherActiveAdmins(db: Kysely<DB>, exceptUserId: number): Promise<number> {
  const row = await db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role.code', '=', 'admin')
    .where('app_user.status', '=', 'active')
    .where('app_user.id', '<>', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function adminRoleId(db: Kysely<DB>): Promise<number | undefined> {
  return (await db.selectFrom('role').select('id').where('code', '=', 'admin').executeTakeFirst())?.id;
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
