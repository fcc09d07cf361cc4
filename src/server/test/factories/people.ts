import { DEFAULT_ROLES } from '../../../shared/default-roles.ts';
import type { Locale } from '../../../shared/locale.ts';
import { ALL_PERMISSIONS, type Permission } from '../../../shared/permissions.ts';
import type { TeamView, teamCreate } from '../../../shared/schemas/assignment.ts';
import type { DepartmentCreate, DepartmentView } from '../../../shared/schemas/departments.ts';
import type { RequestContext } from '../../http/context.ts';
import type { ApiClient } from '../api-client.ts';
import { TEST_USER_PASSWORD } from '../fixtures/credentials.ts';
import type { TestApp } from '../test-app.ts';
import { type Input, send, unique } from './api.ts';

/** People: staff users, departments, teams, and a service-level context as the administrator. */

/** A service-level context acting as the first administrator, for tests that call a service directly. */
export async function staffContext(t: TestApp): Promise<RequestContext> {
  const admin = await t.db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return {
    actor: {
      userId: admin.id,
      username: admin.username,
      displayName: admin.display_name,
      permissions: new Set(ALL_PERMISSIONS),
      via: 'session',
    },
    ip: '127.0.0.1',
    requestId: 'test',
    locale: 'zh-CN',
  };
}

export interface BuiltUser {
  client: ApiClient;
  userId: number;
  username: string;
}

export interface UserSpec {
  /** Codes of default roles (src/shared/default-roles.ts), as an administrator would give them. */
  roles?: string[];
  /** Permissions held through a role of their own, besides (or instead of) the default roles. */
  permissions?: Permission[];
  /** Username (and display name, unless given); unique by default. */
  name?: string;
  displayName?: string;
  locale?: Locale;
  departmentId?: number;
}

/** A staff user, created by the administrator and signed in. */
export async function buildUser(t: TestApp, spec: UserSpec = {}): Promise<BuiltUser> {
  const roles = spec.roles ?? [];
  const unknownRoles = roles.filter((code) => !DEFAULT_ROLES.some((r) => r.code === code));
  if (unknownRoles.length) throw new Error(`not a default role: ${unknownRoles.join(', ')}`);
  const tag = unique();
  const username = spec.name ?? `${roles[0] ?? 'user'}_${tag}`.slice(0, 50);
  const roleIds = roles.length
    ? (await t.db.selectFrom('role').select('id').where('code', 'in', roles).execute()).map((r) => r.id)
    : [];
  if (spec.permissions?.length) {
    const role = await send<{ id: number }>(t, undefined, '/api/v1/roles', {
      code: `t_${tag}`,
      name: `${username} 的权限`,
      permissions: spec.permissions,
    });
    roleIds.push(role.id);
  }
  const user = await send<{ id: number }>(t, undefined, '/api/v1/users', {
    username,
    displayName: spec.displayName ?? username,
    locale: spec.locale ?? 'zh-CN',
    roleIds,
    departmentId: spec.departmentId ?? null,
    password: TEST_USER_PASSWORD,
  });
  // As if the user had already replaced the administrator's password at first sign-in (the server
  // refuses everything else until then); tests keep signing in with TEST_USER_PASSWORD.
  await t.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', user.id).execute();
  const client = t.client();
  const res = await client.login(username, TEST_USER_PASSWORD);
  if (res.status !== 200) throw new Error(`login failed for ${username}: ${JSON.stringify(res.body)}`);
  return { client, userId: user.id, username };
}

/** `count` users alike (a shift of agents), created one after the other. */
export async function buildUsers(
  t: TestApp,
  count: number,
  spec: Omit<UserSpec, 'name'> = {},
): Promise<BuiltUser[]> {
  const users: BuiltUser[] = [];
  for (let i = 0; i < count; i++) users.push(await buildUser(t, spec));
  return users;
}

/** A department; `headUserId` makes someone its head (部门负责人). */
export async function buildDepartment(
  t: TestApp,
  overrides: Partial<DepartmentCreate> = {},
): Promise<DepartmentView> {
  const tag = unique();
  return send<DepartmentView>(t, undefined, '/api/v1/departments', {
    code: `D${tag}`.toUpperCase(),
    name: `测试部门${tag}`,
    ...overrides,
  });
}

/** A team of agents for the assignment rules. */
export async function buildTeam(
  t: TestApp,
  overrides: Partial<Input<typeof teamCreate>> = {},
): Promise<TeamView> {
  return send<TeamView>(t, undefined, '/api/v1/teams', { name: `测试小组${unique()}`, ...overrides });
}
