import { describe, expect, it } from 'vitest';
import { buildPortalContact, buildUser, PORTAL_PASSWORD } from '../../test/factories.ts';
import { TEST_USER_PASSWORD } from '../../test/fixtures/credentials.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { LOGIN_SECURITY_DEFAULTS } from './throttle.ts';

const t = setupTestApp();

/** Counts start afresh; the account limit stays 5 and the IP limit is as given (high: only the account's lock is measured). */
async function freshLimits(maxFailuresPerIp = 10_000) {
  await t().db.deleteFrom('login_throttle').execute();
  await writeSetting(t().db, 'security.login', { ...LOGIN_SECURITY_DEFAULTS, maxFailuresPerIp });
}

const BURST = 40;

describe('sign-in lock-out under concurrency', () => {
  it('40 parallel wrong staff passwords: at most 5 are checked, the rest are refused as locked', async () => {
    await freshLimits();
    const { userId, username } = await buildUser(t(), { permissions: [] });
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        t()
          .client()
          .post('/api/auth/login', { login: username, password: `wrong-${i}` }),
      ),
    );
    const checked = answers.filter((a) => errorCode(a.body) === 'INVALID_CREDENTIALS').length;
    const locked = answers.filter((a) => errorCode(a.body) === 'LOGIN_LOCKED').length;
    expect(checked + locked).toBe(BURST);
    expect(checked).toBeLessThanOrEqual(5);
    // Each checked wrong password leaves an audit row; the limit holds there too.
    const failures = await t()
      .db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'auth.login_failed')
      .where('entity_id', '=', String(userId))
      .execute();
    expect(failures.length).toBeLessThanOrEqual(5);
    // While locked, the right password gets exactly the answer a wrong one gets.
    const right = await t()
      .client()
      .post('/api/auth/login', { login: username, password: TEST_USER_PASSWORD });
    const wrong = await t().client().post('/api/auth/login', { login: username, password: 'wrong-again' });
    expect(right.status).toBe(429);
    expect(right.body).toEqual(wrong.body);
  });

  it('40 parallel wrong portal passwords: at most 5 are checked', async () => {
    await freshLimits();
    const { email } = await buildPortalContact(t());
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        t()
          .client()
          .post('/api/portal/login', { email, password: `wrong-${i}` }),
      ),
    );
    const checked = answers.filter((a) => errorCode(a.body) === 'INVALID_CREDENTIALS').length;
    expect(answers.filter((a) => errorCode(a.body) === 'LOGIN_LOCKED')).toHaveLength(BURST - checked);
    expect(checked).toBeLessThanOrEqual(5);
    const right = await t().client().post('/api/portal/login', { email, password: PORTAL_PASSWORD });
    expect(right.status).toBe(429);
    expect(errorCode(right.body)).toBe('LOGIN_LOCKED');
  });

  it('a right password below the limit signs in and clears the count', async () => {
    await freshLimits();
    const { username } = await buildUser(t(), { permissions: [] });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) {
        const wrong = await t().client().post('/api/auth/login', { login: username, password: 'wrong' });
        expect(errorCode(wrong.body)).toBe('INVALID_CREDENTIALS');
      }
      expect((await t().client().login(username, TEST_USER_PASSWORD)).status).toBe(200);
    }
  });

  it('successful sign-ins never count against the address', async () => {
    await freshLimits(3);
    const { username } = await buildUser(t(), { permissions: [] });
    for (let i = 0; i < 5; i++) {
      expect((await t().client().login(username, TEST_USER_PASSWORD)).status).toBe(200);
    }
  });
  it("a locked account's retries do not lock the others signing in from the same address", async () => {
    await freshLimits(10);
    const locked = await buildUser(t(), { permissions: [] });
    const colleague = await buildUser(t(), { permissions: [] });
    for (let i = 0; i < 20; i++) {
      await t()
        .client()
        .post('/api/auth/login', { login: locked.username, password: `wrong-${i}` });
    }
    expect((await t().client().login(colleague.username, TEST_USER_PASSWORD)).status).toBe(200);
  });
});

describe('refusals tell nothing about the password', () => {
  it('a disabled staff account answers a right password exactly as a wrong one', async () => {
    await freshLimits();
    const admin = await t().admin();
    const { userId, username } = await buildUser(t(), { permissions: [] });
    expect((await admin.patch(`/api/v1/users/${userId}`, { status: 'disabled' })).status).toBe(200);
    const right = await t()
      .client()
      .post('/api/auth/login', { login: username, password: TEST_USER_PASSWORD });
    const wrong = await t().client().post('/api/auth/login', { login: username, password: 'Wrong-2026!' });
    expect(right.status).toBe(401);
    expect(right.body).toEqual(wrong.body);
    expect(errorCode(right.body)).toBe('INVALID_CREDENTIALS');
  });

  it('a disabled portal account answers a right password exactly as a wrong one', async () => {
    await freshLimits();
    const { email, contactId } = await buildPortalContact(t());
    await t()
      .db.updateTable('portal_account')
      .set({ status: 'disabled' })
      .where('contact_id', '=', contactId)
      .execute();
    const right = await t().client().post('/api/portal/login', { email, password: PORTAL_PASSWORD });
    const wrong = await t().client().post('/api/portal/login', { email, password: 'Wrong-2026!' });
    expect(right.status).toBe(401);
    expect(right.body).toEqual(wrong.body);
  });
});
