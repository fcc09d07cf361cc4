import type { Kysely } from 'kysely';
import type { DepartmentView } from '../../../shared/schemas/departments.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid, isUniqueViolation } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkAssignee } from '../tickets/tickets.service.ts';
import { requireVisible, scopeOf } from './departments.policy.ts';
import * as q from './departments.queries.ts';

export function presentDepartment(row: q.DepartmentRow): DepartmentView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    description: row.description,
    headUserId: row.head_user_id,
    headName: row.head_name,
    isActive: row.is_active,
    userCount: Number(row.user_count ?? 0),
  };
}

/** The departments the actor may see (the whole organisation chart), presented. */
export async function listVisibleDepartments(db: Kysely<DB>, actor: Actor): Promise<DepartmentView[]> {
  return (await q.listDepartments(db, scopeOf(actor))).map(presentDepartment);
}

export interface DepartmentInput {
  code?: string | undefined;
  name?: string | undefined;
  parentId?: number | null | undefined;
  description?: string | null | undefined;
  headUserId?: number | null | undefined;
  isActive?: boolean | undefined;
}

function uniqueCode(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('CODE_TAKEN', { field: 'code' });
  throw error;
}

export async function createDepartment(
  db: Database,
  ctx: RequestContext,
  input: DepartmentInput & { code: string; name: string },
) {
  try {
    return await db.transaction().execute(async (trx) => {
      if (input.parentId && !(await q.findDepartment(trx, input.parentId)))
        throw invalid('VALIDATION_FAILED', 'parentId');
      if (input.headUserId) await checkAssignee(trx, input.headUserId);
      const id = await q.insertDepartment(trx, {
        code: input.code,
        name: input.name,
        parent_id: input.parentId ?? null,
        description: input.description ?? null,
        head_user_id: input.headUserId ?? null,
        is_active: input.isActive ?? true,
      });
      const after = presentDepartment((await q.findDepartment(trx, id))!);
      await recordAudit(trx, ctx, {
        action: 'department.create',
        entityType: 'department',
        entityId: id,
        entityLabel: after.name,
        after,
      });
      return after;
    });
  } catch (error) {
    uniqueCode(error);
  }
}

export async function updateDepartment(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: DepartmentInput,
) {
  try {
    return await db.transaction().execute(async (trx) => {
      const current = requireVisible(ctx.actor, await q.findDepartment(trx, id));
      if (input.headUserId) await checkAssignee(trx, input.headUserId);
      if (input.parentId) {
        if ((await q.subtreeIds(trx, id)).includes(input.parentId)) throw new AppError('DEPARTMENT_CYCLE');
        if (!(await q.findDepartment(trx, input.parentId))) throw invalid('VALIDATION_FAILED', 'parentId');
      }
      await q.updateDepartmentRow(trx, id, {
        code: input.code,
        name: input.name,
        parent_id: input.parentId,
        description: input.description,
        head_user_id: input.headUserId,
        is_active: input.isActive,
      });
      const before = presentDepartment(current);
      const after = presentDepartment((await q.findDepartment(trx, id))!);
      await recordAudit(trx, ctx, {
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        entityLabel: after.name,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    uniqueCode(error);
  }
}

export async function deleteDepartment(db: Database, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const current = requireVisible(ctx.actor, await q.findDepartment(trx, id));
    if (Number(current.user_count) > 0 || (await q.hasChildren(trx, id)))
      throw new AppError('DEPARTMENT_IN_USE');
    await q.deleteDepartmentRow(trx, id);
    await recordAudit(trx, ctx, {
      action: 'department.delete',
      entityType: 'department',
      entityId: id,
      entityLabel: current.name,
      before: presentDepartment(current),
    });
  });
}
