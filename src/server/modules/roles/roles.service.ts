import type { Kysely } from 'kysely';
import { ALL_PERMISSIONS } from '../../../shared/permissions.ts';
import type { RoleView } from '../../../shared/schemas/roles.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, isUniqueViolation } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireVisible, scopeOf } from './roles.policy.ts';
import * as q from './roles.queries.ts';

export function presentRole(row: q.RoleRow): RoleView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    permissions: [...row.permissions].sort(),
    isSystem: row.is_system,
    userCount: Number(row.user_count ?? 0),
  };
}

/** The roles the actor may see (every role), presented. */
export async function listVisibleRoles(db: Kysely<DB>, actor: Actor): Promise<RoleView[]> {
  return (await q.listRoles(db, scopeOf(actor))).map(presentRole);
}

/** One role the actor may see, presented; a missing one is a 404. */
export async function loadRole(db: Kysely<DB>, actor: Actor, id: number): Promise<RoleView> {
  return presentRole(requireVisible(actor, await q.findRole(db, id)));
}

/** The administrator role always holds every permission, so nobody can lock the organisation out. */
function guardAdminRole(row: q.RoleRow, permissions?: string[]) {
  if (row.code !== 'admin') return;
  if (!permissions || ALL_PERMISSIONS.every((p) => permissions.includes(p))) return;
  throw new AppError('SYSTEM_ROLE_PROTECTED');
}

export async function createRole(
  db: Database,
  ctx: RequestContext,
  input: { code: string; name: string; description?: string | null | undefined; permissions: string[] },
) {
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await q.insertRole(trx, {
        code: input.code,
        name: input.name,
        description: input.description ?? null,
        permissions: [...new Set(input.permissions)],
      });
      const after = presentRole((await q.findRole(trx, id))!);
      await recordAudit(trx, ctx, {
        action: 'role.create',
        entityType: 'role',
        entityId: id,
        entityLabel: input.name,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CODE_TAKEN', { field: 'code' });
    throw error;
  }
}

export async function updateRole(
  db: Database,
  ctx: RequestContext,
  id: number,
  patch: {
    name?: string | undefined;
    description?: string | null | undefined;
    permissions?: string[] | undefined;
  },
) {
  return db.transaction().execute(async (trx) => {
    const current = requireVisible(ctx.actor, await q.findRole(trx, id));
    guardAdminRole(current, patch.permissions);
    await q.updateRoleRow(trx, id, {
      name: patch.name,
      description: patch.description,
      permissions: patch.permissions ? [...new Set(patch.permissions)] : undefined,
    });
    const before = presentRole(current);
    const after = presentRole((await q.findRole(trx, id))!);
    await recordAudit(trx, ctx, {
      action: 'role.update',
      entityType: 'role',
      entityId: id,
      entityLabel: after.name,
      before,
      after,
    });
    return after;
  });
}

export async function deleteRole(db: Database, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const current = requireVisible(ctx.actor, await q.findRole(trx, id));
    if (current.code === 'admin') throw new AppError('SYSTEM_ROLE_PROTECTED');
    if (Number(current.user_count) > 0) throw new AppError('ROLE_IN_USE');
    await q.deleteRoleRow(trx, id);
    await recordAudit(trx, ctx, {
      action: 'role.delete',
      entityType: 'role',
      entityId: id,
      entityLabel: current.name,
      before: presentRole(current),
    });
  });
}
