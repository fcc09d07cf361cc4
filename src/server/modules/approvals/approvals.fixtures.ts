import type { Permission } from '../../../shared/permissions.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { TEST_USER_PASSWORD } from '../../test/fixtures/credentials.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createUser } from '../users/users.service.ts';

let counter = 0;

/** A signed-in user holding the given default roles (by code), plus a role with extra permissions. */
export async function userInRoles(
  t: TestApp,
  codes: string[],
  extra: Permission[] = [],
): Promise<{ client: ApiClient; userId: number; username: string }> {
  counter++;
  const username = `${codes.join('_') || 'user'}_${counter}_${Date.now().toString(36)}`;
  const roleIds = codes.length
    ? (await t.db.selectFrom('role').select('id').where('code', 'in', codes).execute()).map((r) => r.id)
    : [];
  if (extra.length) {
    const role = await t.db
      .insertInto('role')
      .values({ code: `x_${username}`, name: `extra ${username}`, permissions: extra })
      .returning('id')
      .executeTakeFirstOrThrow();
    roleIds.push(role.id);
  }
  const user = await createUser(t.db, null, {
    username,
    displayName: username,
    locale: 'zh-CN',
    roleIds,
    password: TEST_USER_PASSWORD,
  });
  const client = t.client();
  const res = await client.login(username, TEST_USER_PASSWORD);
  if (res.status !== 200) throw new Error(`login failed for ${username}`);
  return { client, userId: user.id, username };
}

/** An admitted customer straight in the table (the customer screens are tested elsewhere). */
export async function activeCustomer(
  t: TestApp,
  credit: {
    level?: string | null;
    limit?: number | null;
    periodDays?: number | null;
    lifecycle?: string;
  } = {},
) {
  counter++;
  return t.db
    .insertInto('customer')
    .values({
      code: `T${Date.now().toString(36)}${counter}`,
      name: `测试客户${counter}`,
      credit_level: credit.level === undefined ? 'II' : credit.level,
      credit_limit:
        credit.limit === undefined ? '100000.00' : credit.limit === null ? null : String(credit.limit),
      credit_period_days: credit.periodDays === undefined ? 45 : credit.periodDays,
      lifecycle: credit.lifecycle ?? 'active',
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}
