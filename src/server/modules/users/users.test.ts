import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../shared/schemas/audit.ts';
import type { DepartmentView } from '../../../shared/schemas/departments.ts';
import type { RoleView } from '../../../shared/schemas/roles.ts';
import type { UserView } from '../../../shared/schemas/users.ts';
import { buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

async function roleId(code: string): Promise<number> {
  const admin = await t().admin();
  const roles = await admin.get<RoleView[]>('/api/v1/roles');
  return roles.body.find((r) => r.code === code)!.id;
}

describe('staff users', () => {
  it('an administrator creates a user in a department with a role; the user signs in with that role', async () => {
    const admin = await t().admin();
    const dept = await admin.post<DepartmentView>('/api/v1/departments', { code: 'CS', name: '客户服务部' });
    expect(dept.status).toBe(201);
    const agentRole = await roleId('agent');
    const created = await admin.post<UserView>('/api/v1/users', {
      username: 'zhangwei',
      displayName: '张伟',
      email: 'zhang.wei@example.com',
      phone: '13800138000',
      jobTitle: '客服专员',
      departmentId: dept.body.id,
      roleIds: [agentRole],
      password: 'Zhang-Wei-2026',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      displayName: '张伟',
      departmentName: '客户服务部',
      roleIds: [agentRole],
      status: 'active',
    });

    const zhang = t().client();
    expect((await zhang.login('zhang.wei@example.com', 'Zhang-Wei-2026')).status).toBe(200);
    const me = await zhang.get<{ permissions: string[] }>('/api/auth/me');
    expect(me.body.permissions).toContain('ticket.reply');
    expect(me.body.permissions).not.toContain('user.manage');
  });

  it('finds users by Chinese name fragments and pages the list', async () => {
    const admin = await t().admin();
    for (const [username, displayName] of [
      ['liuyang', '刘洋'],
      ['wangfang', '王芳'],
      ['wangxiuying', '王秀英'],
    ]) {
      await admin.post('/api/v1/users', { username, displayName, roleIds: [], password: 'Passw0rd-123' });
    }
    const found = await admin.get<{ items: UserView[]; total: number }>(
      `/api/v1/users?q=${encodeURIComponent('王')}`,
    );
    expect(found.body.items.map((u) => u.displayName).sort()).toEqual(['王秀英', '王芳']);
    const page = await admin.get<{ items: UserView[]; total: number; pageSize: number }>(
      '/api/v1/users?page=1&pageSize=2',
    );
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(5);
    const none = await admin.get<{ items: UserView[] }>(
      '/api/v1/users?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E4%BA%BA',
    );
    expect(none.body.items).toEqual([]);
  });

  it('refuses a taken username with a stable code and writes nothing', async () => {
    const admin = await t().admin();
    const before = await t()
      .db.selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await admin.post('/api/v1/users', {
      username: 'ZhangWei',
      displayName: 'x',
      roleIds: [],
      password: 'Passw0rd-123',
    });
    expect(res.status).toBe(409);
    expect(errorCode(res.body)).toBe('USERNAME_TAKEN');
    const after = await t()
      .db.selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('rejects an unknown role id without creating the user (one transaction)', async () => {
    const admin = await t().admin();
    const res = await admin.post('/api/v1/users', {
      username: 'ghostrole',
      displayName: 'x',
      roleIds: [999999],
      password: 'Passw0rd-123',
    });
    expect(res.status).toBe(400);
    expect(
      await t().db.selectFrom('app_user').select('id').where('username', '=', 'ghostrole').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('keeps at least one active administrator', async () => {
    const admin = await t().admin();
    const me = await admin.get<{ user: { id: number } }>('/api/auth/me');
    const res = await admin.patch(`/api/v1/users/${me.body.user.id}`, { status: 'disabled' });
    expect(res.status).toBe(409);
    expect(errorCode(res.body)).toBe('LAST_ADMIN');
  });

  it('an unknown user id is a 404 in the error shape', async () => {
    const admin = await t().admin();
    const res = await admin.get('/api/v1/users/424242');
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('NOT_FOUND');
  });
});

describe('roles', () => {
  it('creates a role, edits its permissions, and refuses to delete it while in use', async () => {
    const admin = await t().admin();
    const role = await admin.post<RoleView>('/api/v1/roles', {
      code: 'night_shift',
      name: '夜班客服',
      permissions: ['ticket.read'],
    });
    expect(role.status).toBe(201);
    const updated = await admin.patch<RoleView>(`/api/v1/roles/${role.body.id}`, {
      permissions: ['ticket.read', 'ticket.reply'],
    });
    expect(updated.body.permissions).toEqual(['ticket.read', 'ticket.reply']);
    const bad = await admin.patch(`/api/v1/roles/${role.body.id}`, { permissions: ['no.such'] });
    expect(bad.status).toBe(400);

    const { client } = await buildUser(t(), { permissions: [], name: 'nightworker' });
    const me = await client.get<{ user: { id: number } }>('/api/auth/me');
    await admin.patch(`/api/v1/users/${me.body.user.id}`, { roleIds: [role.body.id] });
    const inUse = await admin.delete(`/api/v1/roles/${role.body.id}`);
    expect(errorCode(inUse.body)).toBe('ROLE_IN_USE');
    // The change of role applies to the user's open session at once.
    expect((await client.get<{ permissions: string[] }>('/api/auth/me')).body.permissions).toEqual([
      'ticket.read',
      'ticket.reply',
    ]);
  });

  it('protects the administrator role', async () => {
    const admin = await t().admin();
    const adminRole = await roleId('admin');
    expect(
      errorCode((await admin.patch(`/api/v1/roles/${adminRole}`, { permissions: ['ticket.read'] })).body),
    ).toBe('SYSTEM_ROLE_PROTECTED');
    expect(errorCode((await admin.delete(`/api/v1/roles/${adminRole}`)).body)).toBe('SYSTEM_ROLE_PROTECTED');
  });
});

describe('departments', () => {
  it('builds a tree and refuses cycles and deleting a department with staff', async () => {
    const admin = await t().admin();
    const parent = await admin.post<DepartmentView>('/api/v1/departments', {
      code: 'SVC',
      name: '售后服务部',
    });
    const child = await admin.post<DepartmentView>('/api/v1/departments', {
      code: 'SVC-N',
      name: '北区服务组',
      parentId: parent.body.id,
    });
    expect(child.body.parentId).toBe(parent.body.id);
    const cycle = await admin.patch(`/api/v1/departments/${parent.body.id}`, { parentId: child.body.id });
    expect(errorCode(cycle.body)).toBe('DEPARTMENT_CYCLE');
    expect(errorCode((await admin.delete(`/api/v1/departments/${parent.body.id}`)).body)).toBe(
      'DEPARTMENT_IN_USE',
    );
    expect((await admin.delete(`/api/v1/departments/${child.body.id}`)).status).toBe(200);
    const dup = await admin.post('/api/v1/departments', { code: 'SVC', name: 'again' });
    expect(errorCode(dup.body)).toBe('CODE_TAKEN');
  });
});

describe('audit trail', () => {
  it('records actor, action, before/after of changed fields and IP for every write', async () => {
    const admin = await t().admin();
    const created = await admin.post<UserView>('/api/v1/users', {
      username: 'auditme',
      displayName: '审计对象',
      roleIds: [],
      password: 'Passw0rd-123',
    });
    await admin.patch(`/api/v1/users/${created.body.id}`, {
      displayName: '审计对象（改）',
      jobTitle: '组长',
    });
    const log = await admin.get<{ items: AuditEntryView[] }>(
      `/api/v1/audit-log?entityType=user&entityId=${created.body.id}`,
    );
    expect(log.body.items.map((e) => e.action)).toEqual(['user.update', 'user.create']);
    const update = log.body.items[0]!;
    expect(update.actorLabel).toContain('admin');
    expect(update.ip).toBeTruthy();
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'displayName', before: '审计对象', after: '审计对象（改）' },
        { field: 'jobTitle', before: null, after: '组长' },
      ]),
    );
    expect(update.changes.map((c) => c.field)).not.toContain('username');
    // Passwords never appear in the trail.
    expect(JSON.stringify(log.body)).not.toContain('Passw0rd-123');
  });

  it('pages newest first with a cursor', async () => {
    const admin = await t().admin();
    const first = await admin.get<{ items: AuditEntryView[]; nextCursor: string | null }>(
      '/api/v1/audit-log?limit=2',
    );
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await admin.get<{ items: AuditEntryView[] }>(
      `/api/v1/audit-log?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0]!.id).toBeLessThan(first.body.items[1]!.id);
  });

  it('cannot be changed: no API to edit or delete, and the table refuses it', async () => {
    const admin = await t().admin();
    expect((await admin.delete('/api/v1/audit-log/1')).status).toBe(404);
    expect((await admin.patch('/api/v1/audit-log/1', { action: 'x' })).status).toBe(404);
    await expect(t().db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(t().db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
