import type { Kysely } from 'kysely';
import type {
  ApprovalCondition,
  ApprovalFlow,
  ApprovalRouteCreate,
  ApprovalRouteUpdate,
  ApprovalRouteView,
} from '../../../shared/schemas/approvals.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './approvals.queries.ts';

export function presentRoute(r: q.RouteRow): ApprovalRouteView {
  return {
    id: r.id,
    flow: r.flow,
    position: r.position,
    name: r.name,
    condition: r.condition as ApprovalCondition,
    approverRoleId: r.approver_role_id,
    approverRoleName: r.role_name,
    approverUserId: r.approver_user_id,
    approverUserName: r.user_name,
    isActive: r.is_active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Every route, by flow and position (a flow has a handful). */
export async function listApprovalRoutes(db: Kysely<DB>, flow?: string) {
  return (await q.listRoutes(db, flow)).map(presentRoute);
}

export async function loadApprovalRoute(db: Kysely<DB>, id: number) {
  const row = await q.findRoute(db, id);
  if (!row) throw notFound();
  return presentRoute(row);
}

async function checkApprover(trx: Kysely<DB>, roleId: number | null, userId: number | null) {
  if ((roleId === null) === (userId === null)) throw invalid('VALIDATION_FAILED', 'approverRoleId');
  if (roleId !== null && !(await q.roleExists(trx, roleId)))
    throw invalid('VALIDATION_FAILED', 'approverRoleId');
  if (userId !== null && !(await q.activeUserExists(trx, userId)))
    throw invalid('VALIDATION_FAILED', 'approverUserId');
}

function checkAmounts(condition: ApprovalCondition) {
  if (
    condition.minAmount !== undefined &&
    condition.maxAmount !== undefined &&
    condition.minAmount > condition.maxAmount
  )
    throw invalid('VALIDATION_FAILED', 'condition');
}

export async function createRoute(db: Database, ctx: RequestContext, input: ApprovalRouteCreate) {
  return db.transaction().execute(async (trx) => {
    const roleId = input.approverRoleId ?? null;
    const userId = input.approverUserId ?? null;
    await checkApprover(trx, roleId, userId);
    const condition = input.condition ?? {};
    checkAmounts(condition);
    const id = await q.insertRoute(trx, {
      flow: input.flow,
      position: input.position ?? 0,
      name: input.name,
      condition: JSON.stringify(condition),
      approver_role_id: roleId,
      approver_user_id: userId,
      is_active: input.isActive ?? true,
    });
    const after = presentRoute((await q.findRoute(trx, id))!);
    await recordAudit(trx, ctx, {
      action: 'approval_route.create',
      entityType: 'approval_route',
      entityId: id,
      entityLabel: after.name,
      after,
    });
    return after;
  });
}

export async function updateRoute(db: Database, ctx: RequestContext, id: number, input: ApprovalRouteUpdate) {
  return db.transaction().execute(async (trx) => {
    const current = await q.findRoute(trx, id);
    if (!current) throw notFound();
    // Naming a user clears the role and the reverse, so a PATCH can switch between the two.
    let roleId = input.approverRoleId !== undefined ? input.approverRoleId : current.approver_role_id;
    let userId = input.approverUserId !== undefined ? input.approverUserId : current.approver_user_id;
    if (input.approverUserId && input.approverRoleId === undefined) roleId = null;
    if (input.approverRoleId && input.approverUserId === undefined) userId = null;
    await checkApprover(trx, roleId, userId);
    if (input.condition) checkAmounts(input.condition);
    await q.updateRouteRow(trx, id, {
      flow: input.flow,
      position: input.position,
      name: input.name,
      condition: input.condition ? JSON.stringify(input.condition) : undefined,
      approver_role_id: roleId,
      approver_user_id: userId,
      is_active: input.isActive,
    });
    const before = presentRoute(current);
    const after = presentRoute((await q.findRoute(trx, id))!);
    await recordAudit(trx, ctx, {
      action: 'approval_route.update',
      entityType: 'approval_route',
      entityId: id,
      entityLabel: after.name,
      before,
      after,
    });
    return after;
  });
}

/** Requests already under way keep their steps; only new requests follow the changed routes. */
export async function deleteRoute(db: Database, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const current = await q.findRoute(trx, id);
    if (!current) throw notFound();
    await q.deleteRouteRow(trx, id);
    await recordAudit(trx, ctx, {
      action: 'approval_route.delete',
      entityType: 'approval_route',
      entityId: id,
      entityLabel: current.name,
      before: presentRoute(current),
    });
  });
}

interface DefaultRoute {
  position: number;
  name: string;
  condition: ApprovalCondition;
  roleCode: string;
}

/** 001 §4.2.2–4.2.3: III-level customers are admitted by the executive VP's assistant, I and II by the executive VP; credit changes are drafted by the assistant and approved by the executive VP. */
export const DEFAULT_APPROVAL_ROUTES: Partial<Record<ApprovalFlow, DefaultRoute[]>> = {
  customer_admission: [
    {
      position: 10,
      name: '执行副总助理审批',
      condition: { creditLevels: ['III'] },
      roleCode: 'executive_assistant',
    },
    { position: 10, name: '执行副总审批', condition: { creditLevels: ['I', 'II'] }, roleCode: 'executive' },
  ],
  credit_change: [
    { position: 10, name: '初审', condition: {}, roleCode: 'executive_assistant' },
    { position: 20, name: '批准', condition: {}, roleCode: 'executive' },
  ],
  // 大客户设定: designated by the service manager (003 ch.4 大客户设定表).
  key_account: [{ position: 10, name: '客户服务经理审批', condition: {}, roleCode: 'service_manager' }],
  // 补货、补偿及赔偿 (001 §3.1, §3.2.3): the service manager decides small amounts; from 10 000 the
  // general manager approves as well.
  compensation: [
    { position: 10, name: '客户服务经理审批', condition: {}, roleCode: 'service_manager' },
    { position: 20, name: '总经理审批', condition: { minAmount: 10000 }, roleCode: 'executive' },
  ],
  // 厂长需要对客诉的最终报告签字确认 (001 §3.8).
  complaint_final: [{ position: 10, name: '厂长/总经理批准结案', condition: {}, roleCode: 'executive' }],
};

/** At start: a flow without any routes gets the defaults (an administrator's own routes are never touched). */
export async function ensureDefaultApprovalRoutes(db: Kysely<DB>): Promise<void> {
  for (const [flow, routes] of Object.entries(DEFAULT_APPROVAL_ROUTES)) {
    if (await q.flowHasRoutes(db, flow)) continue;
    for (const route of routes) {
      const roleId = await q.roleIdByCode(db, route.roleCode);
      if (!roleId) continue;
      await q.insertRoute(db, {
        flow,
        position: route.position,
        name: route.name,
        condition: JSON.stringify(route.condition),
        approver_role_id: roleId,
      });
    }
  }
}
