import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/schemas/auth.ts';
import { buildUser } from '../../test/factories.ts';
import { ADMIN, errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

describe('staff sign-in', () => {
  it('signs in by email or username, sets an httpOnly SameSite cookie and reports who I am', async () => {
    const client = t().client();
    const res = await client.post('/api/auth/login', ADMIN);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/qiao_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.get<Me>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(ADMIN.login);
    expect(me.body.permissions).toContain('role.manage');
    expect(me.body.csrfToken).toBeTruthy();

    const byUsername = await t().client().login('admin', ADMIN.password);
    expect(byUsername.status).toBe(200);
  });

  it('refuses a wrong password with a localised message and no hint whether the account exists', async () => {
    const zh = await t().client().post('/api/auth/login', { login: 'admin', password: 'nope' });
    const ghost = await t().client('en').post('/api/auth/login', { login: 'ghost', password: 'nope' });
    expect(zh.status).toBe(401);
    expect(errorCode(zh.body)).toBe('INVALID_CREDENTIALS');
    expect(zh.body).toMatchObject({ error: { message: '账号或密码错误' } });
    expect(ghost.status).toBe(401);
    expect(ghost.body).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS', message: 'Wrong login or password' },
    });
  });

  it('locks an account after a burst of wrong passwords, even for the right one', async () => {
    const { username } = await buildUser(t(), { permissions: [] });
    for (let i = 0; i < 5; i++) {
      const res = await t()
        .client()
        .post('/api/auth/login', { login: username, password: `wrong-${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await t().client().post('/api/auth/login', { login: username, password: 'Passw0rd-123' });
    expect(locked.status).toBe(429);
    expect(errorCode(locked.body)).toBe('LOGIN_LOCKED');
    // Other accounts are not affected by this account's lock.
    expect((await t().client().login(ADMIN.login, ADMIN.password)).status).toBe(200);
  });

  it('signing out ends the session', async () => {
    const client = await t().admin();
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('a disabled user cannot sign in and loses open sessions', async () => {
    const admin = await t().admin();
    const { client, userId, username } = await buildUser(t(), { permissions: ['ticket.read'] });
    const res = await admin.patch(`/api/v1/users/${userId}`, { status: 'disabled' });
    expect(res.status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const again = await t().client().post('/api/auth/login', { login: username, password: 'Passw0rd-123' });
    // The same answer as a wrong password: a refusal never tells that the password was right.
    expect(again.status).toBe(401);
    expect(errorCode(again.body)).toBe('INVALID_CREDENTIALS');
  });
});

describe('passwords and sessions', () => {
  it('changing the password ends the other sessions but keeps this one', async () => {
    const { client, username } = await buildUser(t(), { permissions: [] });
    const other = t().client();
    await other.login(username, 'Passw0rd-123');
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'bad',
      newPassword: 'N3w-password!',
    });
    expect(wrong.status).toBe(400);
    expect(errorCode(wrong.body)).toBe('WRONG_PASSWORD');
    const res = await client.post('/api/auth/password', {
      currentPassword: 'Passw0rd-123',
      newPassword: 'N3w-password!',
    });
    expect(res.status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await t().client().login(username, 'N3w-password!')).status).toBe(200);
  });

  it('rejects a too-short new password naming the field', async () => {
    const { client } = await buildUser(t(), { permissions: [] });
    const res = await client.post('/api/auth/password', {
      currentPassword: 'Passw0rd-123',
      newPassword: 'short',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ field: 'body.newPassword' }] } },
    });
  });

  it('cookie-authenticated writes need the CSRF token', async () => {
    const client = await t().admin();
    const token = client.csrfToken;
    client.csrfToken = undefined;
    const res = await client.post('/api/v1/departments', { code: 'X1', name: '测试部' });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('CSRF_INVALID');
    client.csrfToken = token;
    expect((await client.post('/api/v1/departments', { code: 'X1', name: '测试部' })).status).toBe(201);
  });

  it('the user may change their own language, and errors follow it', async () => {
    const { client } = await buildUser(t(), { permissions: [] });
    expect((await client.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);
    const me = await client.get<Me>('/api/auth/me');
    expect(me.body.user.locale).toBe('en');
    const denied = await client.get('/api/v1/users');
    expect(denied.body).toMatchObject({
      error: { code: 'FORBIDDEN', message: 'You do not have permission to do this' },
    });
  });
});

describe('personal API tokens', () => {
  it('are shown once, work as Bearer without CSRF, and stop working when revoked', async () => {
    const admin = await t().admin();
    const created = await admin.post<{ id: number; token: string; tokenPrefix: string }>(
      '/api/v1/me/api-tokens',
      { name: '呼叫中心集成' },
    );
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^qiao_/);
    const list = await admin.get<{ name: string; token?: string }[]>('/api/v1/me/api-tokens');
    expect(list.body[0]?.name).toBe('呼叫中心集成');
    expect(list.body[0]?.token).toBeUndefined();

    const integration = t().client();
    integration.useToken(created.body.token);
    expect((await integration.get('/api/v1/users')).status).toBe(200);
    expect((await integration.post('/api/v1/departments', { code: 'API1', name: '接口部' })).status).toBe(
      201,
    );

    expect((await admin.delete(`/api/v1/me/api-tokens/${created.body.id}`)).status).toBe(200);
    expect((await integration.get('/api/v1/users')).status).toBe(401);
  });

  it("cannot revoke someone else's token (404)", async () => {
    const admin = await t().admin();
    const created = await admin.post<{ id: number }>('/api/v1/me/api-tokens', { name: 'mine' });
    const { client } = await buildUser(t(), { permissions: ['api_token.use'] });
    expect((await client.delete(`/api/v1/me/api-tokens/${created.body.id}`)).status).toBe(404);
  });

  it('stores only a hash of the token', async () => {
    const admin = await t().admin();
    const created = await admin.post<{ token: string }>('/api/v1/me/api-tokens', { name: 'hash check' });
    const rows = await t().db.selectFrom('api_token').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash.includes(created.body.token))).toBe(false);
  });
});
