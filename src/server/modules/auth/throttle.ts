import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { claimAttempt, clearFailures, refundAttempt, type ThrottleRule } from './throttle.queries.ts';

export const LOGIN_SECURITY_DEFAULTS = {
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
  windowMinutes: 15,
  lockMinutes: 15,
  sessionHours: 12,
};
export type LoginSecurity = typeof LOGIN_SECURITY_DEFAULTS;

export const loginSecurity = (db: Kysely<DB>) => readSetting(db, 'security.login', LOGIN_SECURITY_DEFAULTS);

/** The login rules of a settings group, for an account key or an IP key. */
export const accountRule = (s: LoginSecurity): ThrottleRule => ({
  limit: s.maxFailuresPerAccount,
  windowMinutes: s.windowMinutes,
  lockMinutes: s.lockMinutes,
});
export const ipRule = (s: LoginSecurity): ThrottleRule => ({
  limit: s.maxFailuresPerIp,
  windowMinutes: s.windowMinutes,
  lockMinutes: s.lockMinutes,
});

export const accountKey = (login: string) => `account:${login.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Counts a sign-in attempt for the address and the account before the password is checked, so that at
 * most the limit of password checks ever run in a window, however many arrive at once. Over the limit:
 * LOGIN_LOCKED, the same answer whether or not the password would have been right.
 */
export async function claimSignIn(db: Kysely<DB>, s: LoginSecurity, account: string, ip: string) {
  if (!(await claimAttempt(db, ipKey(ip), ipRule(s)))) throw new AppError('LOGIN_LOCKED');
  if (!(await claimAttempt(db, account, accountRule(s)))) {
    // No password was checked: a locked account's retries do not lock everyone behind the same address.
    await refundAttempt(db, ipKey(ip), ipRule(s));
    throw new AppError('LOGIN_LOCKED');
  }
}

/** A right password: the account's count starts afresh and the address gets its attempt back. */
export async function signInSucceeded(db: Kysely<DB>, s: LoginSecurity, account: string, ip: string) {
  await clearFailures(db, account);
  await refundAttempt(db, ipKey(ip), ipRule(s));
}
