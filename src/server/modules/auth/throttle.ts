import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import type { ThrottleRule } from './throttle.queries.ts';

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
