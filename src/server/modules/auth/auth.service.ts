import type { Kysely } from 'kysely';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { isPermission, type Permission } from '../../../shared/permissions.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import { requireOwnAccount, sessionToEnd } from './auth.policy.ts';
import * as q from './auth.queries.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.ts';
import { requireStrongPassword } from './password-policy.ts';
import { accountKey, claimSignIn, loginSecurity, signInSucceeded } from './throttle.ts';
import { hashSecret, newSecret } from './tokens.ts';

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  userId: number;
}

export async function login(
  db: Kysely<DB>,
  input: { login: string; password: string },
  client: { ip: string; userAgent: string | null; requestId: string },
): Promise<LoginResult> {
  const security = await loginSecurity(db);
  const user = await q.findUserByLogin(db, input.login);
  // One count per account whether it is named by username or email; an unknown login has its own.
  const key = user ? `user:${user.id}` : accountKey(input.login);
  // Counted before the password is checked: parallel guesses cannot outrun the limit.
  await claimSignIn(db, security, key, client.ip);
  let ok = false;
  if (user) ok = await verifyPassword(user.password_hash, input.password);
  else await burnPasswordCheck(input.password);
  // A disabled account answers like a wrong password: the answer never tells that the password was right.
  if (!user || !ok || user.status !== 'active') {
    if (user) {
      await recordAudit(db, null, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        entityLabel: user.username,
        changes: [{ field: 'ip', before: null, after: client.ip }],
      });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  await signInSucceeded(db, security, key, client.ip);

  const sessionToken = newSecret();
  const expiresAt = new Date(Date.now() + security.sessionHours * 3600_000);
  await db.transaction().execute(async (trx) => {
    await q.insertSession(trx, {
      id: hashSecret(sessionToken),
      user_id: user.id,
      csrf_token: newSecret(24),
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      expires_at: expiresAt,
    });
    await q.markUserLoggedIn(trx, user.id);
    await recordAudit(trx, null, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.username,
      changes: [{ field: 'ip', before: null, after: client.ip }],
    });
  });
  return { sessionToken, expiresAt, userId: user.id };
}

function toActor(
  row: { user_id: number; username: string; display_name: string; must_change_password: boolean },
  permissions: string[],
  via: Actor['via'],
): Actor {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    permissions: new Set(permissions.filter(isPermission) as Permission[]),
    via,
    ...(row.must_change_password ? { mustChangePassword: true } : {}),
  };
}

export async function actorFromSession(db: Kysely<DB>, sessionToken: string) {
  const session = await q.findLiveSession(db, hashSecret(sessionToken));
  if (!session) return null;
  const security = await loginSecurity(db);
  // Sliding expiry, written at most once a minute per session.
  if (Date.now() - session.last_seen_at.getTime() > 60_000) {
    await q.touchSession(db, session.id, new Date(Date.now() + security.sessionHours * 3600_000));
  }
  const actor = toActor(session, await q.permissionsOfUser(db, session.user_id), 'session');
  actor.sessionId = session.id;
  actor.csrfToken = session.csrf_token;
  return { actor, locale: isLocale(session.locale) ? session.locale : undefined };
}

export async function actorFromApiToken(db: Kysely<DB>, token: string) {
  const row = await q.findLiveApiToken(db, hashSecret(token));
  if (!row) return null;
  const permissions = await q.permissionsOfUser(db, row.user_id);
  // A token works only while its owner may hold tokens at all.
  if (!permissions.includes('api_token.use')) return null;
  await q.markApiTokenUsed(db, row.id);
  const actor = toActor(row, permissions, 'token');
  actor.tokenId = row.id;
  return { actor, locale: isLocale(row.locale) ? (row.locale as Locale) : undefined };
}

/** The signed-in user's own account, roles and organisation (each user reads only their own). */
export async function whoAmI(db: Kysely<DB>, actor: Actor) {
  const [user, roles, organisation] = await Promise.all([
    q.findUserById(db, actor.userId),
    q.rolesOfUser(db, actor.userId),
    readOrganisation(db),
  ]);
  return { user: requireOwnAccount(actor, user), roles, organisation };
}

export async function logout(db: Kysely<DB>, actor: Actor): Promise<void> {
  const session = sessionToEnd(actor);
  if (session) await q.deleteSession(db, session);
}

export async function changePassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = requireOwnAccount(ctx.actor, await q.findUserById(db, ctx.actor.userId));
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', {
      issues: [{ field: 'currentPassword', message: 'WRONG_PASSWORD' }],
    });
  }
  requireStrongPassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await q.setUserPassword(trx, user.id, passwordHash);
    // Every other browser signed in as this user is signed out.
    await q.deleteSessionsOfUser(trx, user.id, ctx.actor.sessionId);
    await recordAudit(trx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.username,
      changes: [{ field: 'password', before: '***', after: '***' }],
    });
  });
}
