import type { Kysely } from 'kysely';
import type { UserView } from '../../../shared/schemas/users.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid, isUniqueViolation } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { iso } from '../../http/present.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteSessionsOfUser } from '../auth/auth.queries.ts';
import { hashPassword } from '../auth/password.ts';
import { requireStrongPassword } from '../auth/password-policy.ts';
import { requireVisible, scopeOf } from './users.policy.ts';
import * as q from './users.queries.ts';

export function presentUser(row: q.UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    jobTitle: row.job_title,
    departmentId: row.department_id,
    departmentName: row.department_name,
    locale: row.locale as UserView['locale'],
    status: row.status as UserView['status'],
    roleIds: (row.role_ids ?? []).map(Number),
    lastLoginAt: iso(row.last_login_at),
    createdAt: row.created_at.toISOString(),
  };
}

/** A page of users; every reader of users sees them all (users.policy.ts). */
export async function listUserViews(db: Kysely<DB>, actor: Actor, filter: q.UserFilter) {
  const { items, total } = await q.listUsers(db, scopeOf(actor), filter);
  return { items: items.map(presentUser), total };
}

export async function getUser(db: Kysely<DB>, actor: Actor, id: number): Promise<UserView> {
  return presentUser(requireVisible(actor, await q.findUser(db, id)));
}

function mapUniqueViolation(error: unknown): never {
  if (isUniqueViolation(error, 'app_user_username_key'))
    throw new AppError('USERNAME_TAKEN', { field: 'username' });
  if (isUniqueViolation(error, 'app_user_email_key')) throw new AppError('EMAIL_TAKEN', { field: 'email' });
  throw error;
}

async function checkRoles(db: Kysely<DB>, roleIds: number[]) {
  const found = await q.existingRoleIds(db, roleIds);
  if (found.length !== new Set(roleIds).size) throw invalid('VALIDATION_FAILED', 'roleIds');
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  jobTitle?: string | null | undefined;
  departmentId?: number | null | undefined;
  locale: string;
  roleIds: number[];
  password: string;
  mustChangePassword?: boolean;
}

/** Creates a staff user with roles; `ctx` null only for the first administrator at first start. */
export async function createUser(
  db: Database,
  ctx: RequestContext | null,
  input: NewUser,
): Promise<UserView> {
  // An administrator's choice meets the policy; the first administrator's own password comes from the installer.
  if (ctx) requireStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      await checkRoles(trx, input.roleIds);
      const id = await q.insertUser(
        trx,
        {
          username: input.username,
          display_name: input.displayName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          job_title: input.jobTitle ?? null,
        },
        {
          department_id: input.departmentId ?? null,
          locale: input.locale,
          password_hash: passwordHash,
          password_changed_at: new Date(),
          must_change_password: input.mustChangePassword ?? false,
        },
      );
      await q.setUserRoles(trx, id, input.roleIds);
      const row = (await q.findUser(trx, id))!;
      const after = presentUser(row);
      await recordAudit(trx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        entityLabel: input.username,
        after,
      });
      return after;
    });
  } catch (error) {
    mapUniqueViolation(error);
  }
}

export interface UserPatch {
  displayName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  jobTitle?: string | null | undefined;
  departmentId?: number | null | undefined;
  locale?: string | undefined;
  roleIds?: number[] | undefined;
  status?: 'active' | 'disabled' | undefined;
  password?: string | undefined;
}

export async function updateUser(
  db: Database,
  ctx: RequestContext,
  id: number,
  patch: UserPatch,
): Promise<UserView> {
  if (patch.password) requireStrongPassword(patch.password);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const current = requireVisible(ctx.actor, await q.findUser(trx, id));
      const before = presentUser(current);
      const adminId = await q.adminRoleId(trx);
      const losesAdmin =
        adminId !== undefined &&
        before.roleIds.includes(adminId) &&
        ((patch.roleIds && !patch.roleIds.includes(adminId)) || patch.status === 'disabled');
      if (losesAdmin && (await q.countOtherActiveAdmins(trx, id)) === 0) throw new AppError('LAST_ADMIN');
      if (patch.roleIds) await checkRoles(trx, patch.roleIds);

      const next = {
        username: current.username,
        display_name: patch.displayName ?? current.display_name,
        email: patch.email === undefined ? current.email : patch.email,
        phone: patch.phone === undefined ? current.phone : patch.phone,
        job_title: patch.jobTitle === undefined ? current.job_title : patch.jobTitle,
      };
      await q.updateUserRow(trx, id, next, {
        department_id: patch.departmentId === undefined ? current.department_id : patch.departmentId,
        locale: patch.locale ?? current.locale,
        status: patch.status ?? current.status,
        updated_at: new Date(),
        ...(passwordHash
          ? { password_hash: passwordHash, password_changed_at: new Date(), must_change_password: true }
          : {}),
      });
      if (patch.roleIds) await q.setUserRoles(trx, id, patch.roleIds);
      // A disabled user or a reset password ends every session of that user at once.
      if (patch.status === 'disabled' || passwordHash) await deleteSessionsOfUser(trx, id);
      const after = presentUser((await q.findUser(trx, id))!);
      await recordAudit(trx, ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        entityLabel: current.username,
        before,
        after: passwordHash ? { ...after, password: 'reset' } : after,
      });
      return after;
    });
  } catch (error) {
    mapUniqueViolation(error);
  }
}

export async function updateOwnProfile(
  db: Database,
  ctx: RequestContext,
  patch: {
    displayName?: string | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    locale?: string | undefined;
  },
) {
  // Same path as an administrator's edit, limited to the fields a person may change about themselves.
  await updateUser(db, ctx, ctx.actor.userId, {
    displayName: patch.displayName,
    email: patch.email,
    phone: patch.phone,
    locale: patch.locale,
  });
}
