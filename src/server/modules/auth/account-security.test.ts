import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/schemas/auth.ts';
import { buildUser, unique } from '../../test/factories.ts';
import { TEST_USER_PASSWORD } from '../../test/fixtures/credentials.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

describe('a password someone else chose must be replaced first', () => {
  it('until changed, every call but my account, the password change and sign-out is refused', async () => {
    const admin = await t().admin();
    const username = `neu_${unique()}`;
    const adminRole = await t().db.selectFrom('role').select('id').where('code', '=', 'admin').execute();
    const created = await admin.post('/api/v1/users', {
      username,
      displayName: username,
      roleIds: adminRole.map((r) => r.id),
      password: 'Anfang-2026!',
    });
    expect(created.status).toBe(201);
    const client = t().client();
    expect((await client.login(username, 'Anfang-2026!')).status).toBe(200);
    const me = await client.get<Me>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);

    const refused = await client.get('/api/v1/users');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码再继续' },
    });
    expect(errorCode((await client.post('/api/v1/departments', { code: 'D9', name: '九部' })).body)).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );

    const changed = await client.post('/api/auth/password', {
      currentPassword: 'Anfang-2026!',
      newPassword: 'Eigenes-Kennwort-7',
    });
    expect(changed.status).toBe(200);
    expect((await client.get('/api/v1/users')).status).toBe(200);
  });
});

describe('password strength', () => {
  it('refuses common and one-kind passwords with a localised message naming the field', async () => {
    const { client } = await buildUser(t(), { permissions: [] });
    for (const weak of ['12345678', 'Password1', 'qwertyuiop', 'abcdefghij', 'aaaaaaaaaaaa']) {
      const res = await client.post('/api/auth/password', {
        currentPassword: TEST_USER_PASSWORD,
        newPassword: weak,
      });
      expect(res.status, weak).toBe(400);
      expect(res.body, weak).toMatchObject({
        error: {
          code: 'PASSWORD_TOO_WEAK',
          details: { issues: [{ field: 'newPassword', message: 'PASSWORD_TOO_WEAK' }] },
        },
      });
    }
    // In the account's language.
    const { client: en } = await buildUser(t(), { permissions: [], locale: 'en' });
    const res = await en.post('/api/auth/password', {
      currentPassword: TEST_USER_PASSWORD,
      newPassword: '12345678',
    });
    expect(res.body).toMatchObject({ error: { message: expect.stringMatching(/too easy to guess/) } });
  });

  it('applies to passwords an administrator sets and to portal passwords', async () => {
    const admin = await t().admin();
    const username = `weak_${unique()}`;
    const created = await admin.post('/api/v1/users', {
      username,
      displayName: username,
      roleIds: [],
      password: 'iloveyou',
    });
    expect(errorCode(created.body)).toBe('PASSWORD_TOO_WEAK');
    const { userId } = await buildUser(t(), { permissions: [] });
    expect(errorCode((await admin.patch(`/api/v1/users/${userId}`, { password: 'password' })).body)).toBe(
      'PASSWORD_TOO_WEAK',
    );
    // Portal passwords (set from the emailed link) are checked before the link is even looked at.
    for (const path of ['/api/portal/verify', '/api/portal/password/reset']) {
      const portal = await t()
        .client()
        .post(path, { token: 'x'.repeat(43), password: '12345678' });
      expect(portal.status, path).toBe(400);
      expect(errorCode(portal.body), path).toBe('PASSWORD_TOO_WEAK');
    }
  });
});

describe('personal API tokens end with the trust they were made under', () => {
  async function tokenOf(client: Awaited<ReturnType<typeof buildUser>>['client'], body: object = {}) {
    const created = await client.post<{ token: string; expiresAt: string | null }>('/api/v1/me/api-tokens', {
      name: `集成 ${unique()}`,
      ...body,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('stop working when the owner changes the password', async () => {
    const { client } = await buildUser(t(), { permissions: ['api_token.use', 'department.read'] });
    const integration = t().client();
    integration.useToken((await tokenOf(client)).token);
    expect((await integration.get('/api/v1/departments')).status).toBe(200);
    const changed = await client.post('/api/auth/password', {
      currentPassword: TEST_USER_PASSWORD,
      newPassword: 'Neues-Kennwort-2026',
    });
    expect(changed.status).toBe(200);
    expect((await integration.get('/api/v1/departments')).status).toBe(401);
    // A token made after the change works.
    const fresh = t().client();
    fresh.useToken((await tokenOf(client)).token);
    expect((await fresh.get('/api/v1/departments')).status).toBe(200);
  });

  it('stop working when the owner loses api_token.use', async () => {
    const admin = await t().admin();
    const { client, userId } = await buildUser(t(), { permissions: ['api_token.use', 'department.read'] });
    const integration = t().client();
    integration.useToken((await tokenOf(client)).token);
    expect((await integration.get('/api/v1/departments')).status).toBe(200);
    const readOnly = await admin.post<{ id: number }>('/api/v1/roles', {
      code: `ro_${unique()}`,
      name: `只读 ${unique()}`,
      permissions: ['department.read'],
    });
    expect((await admin.patch(`/api/v1/users/${userId}`, { roleIds: [readOnly.body.id] })).status).toBe(200);
    expect((await integration.get('/api/v1/departments')).status).toBe(401);
  });

  it('expire after 90 days unless the owner chose otherwise', async () => {
    const { client } = await buildUser(t(), { permissions: ['api_token.use'] });
    const { expiresAt } = await tokenOf(client);
    const days = (Date.parse(expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    const chosen = await tokenOf(client, { expiresInDays: 7 });
    expect((Date.parse(chosen.expiresAt ?? '') - Date.now()) / 86_400_000).toBeLessThanOrEqual(7);
  });
});
