import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../../shared/default-roles.ts';
import { ALL_PERMISSIONS, isPermission, MODULES, PERMISSIONS } from '../../shared/permissions.ts';
import { buildUser } from '../test/factories.ts';
import { errorCode, setupTestApp } from '../test/test-app.ts';

const t = setupTestApp();

/** A concrete path for a route pattern: `:id` → 1, other params → a plausible value. */
function concrete(url: string): string {
  return url
    .replace(/:id\b/g, '1')
    .replace(/:year\b/g, '2026')
    .replace(/:kind\b/g, 'ticket')
    .replace(/:[a-zA-Z]+Id\b/g, '1');
}

describe('every API route declares and enforces its permission', () => {
  it('has a non-trivial route catalogue', () => {
    const routes = t().app.declaredRoutes;
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) {
      expect(
        ['public', 'authenticated', 'portal'].includes(route.permission) || isPermission(route.permission),
      ).toBe(true);
    }
  });

  it('answers 401 without a session on every non-public route', async () => {
    const anonymous = t().client();
    const checked: string[] = [];
    for (const route of t().app.declaredRoutes.filter((r) => r.permission !== 'public')) {
      const res = await anonymous.request(
        route.method,
        concrete(route.url),
        route.method === 'GET' ? undefined : {},
      );
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
      expect(errorCode(res.body)).toBe('UNAUTHENTICATED');
      checked.push(route.url);
    }
    expect(checked.length).toBeGreaterThan(20);
  });

  it('answers 403 on every permission-guarded route for a signed-in user without that permission', async () => {
    const { client } = await buildUser(t(), { permissions: [] });
    for (const route of t().app.declaredRoutes.filter((r) => isPermission(r.permission))) {
      const res = await client.request(
        route.method,
        concrete(route.url),
        route.method === 'GET' ? undefined : {},
      );
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
      expect(errorCode(res.body)).toBe('FORBIDDEN');
    }
  });

  it('lets a user with exactly the permission through (users list)', async () => {
    const { client } = await buildUser(t(), { permissions: ['user.read'] });
    expect((await client.get('/api/v1/users')).status).toBe(200);
    expect((await client.post('/api/v1/users', {})).status).toBe(403);
  });
});

describe('permission catalogue and default roles', () => {
  it('covers every module of the specification with labels in three languages', () => {
    const modulesUsed = new Set(Object.values(PERMISSIONS).map((p) => p.module));
    expect([...modulesUsed].sort()).toEqual(Object.keys(MODULES).sort());
    for (const p of Object.values(PERMISSIONS)) {
      expect(p.label['zh-CN'] && p.label['zh-TW'] && p.label.en).toBeTruthy();
    }
  });

  it('seeds the default roles of SPEC §0 with valid permissions', async () => {
    const roles = await t()
      .db.selectFrom('role')
      .select(['code', 'name', 'permissions'])
      .where('is_system', '=', true)
      .execute();
    const names = roles.map((r) => r.name);
    for (const expected of [
      '客户服务经理',
      '客户服务专员',
      '专属服务顾问',
      '客户投诉管理专员',
      '仓储',
      '管理者代表',
      '系统管理员',
    ]) {
      expect(names).toContain(expected);
    }
    expect(roles.length).toBe(DEFAULT_ROLES.length);
    for (const role of roles) for (const perm of role.permissions) expect(isPermission(perm)).toBe(true);
    expect(roles.find((r) => r.code === 'admin')?.permissions.length).toBe(ALL_PERMISSIONS.length);
  });
});
