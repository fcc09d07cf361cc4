import type { Kysely } from 'kysely';
import {
  APPROVAL_FLOWS,
  type ApprovalFlow,
  type ApprovalRequestView,
  type ApprovalStatus,
  type ApprovalStepView,
} from '../../../shared/schemas/approvals.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import type * as q from './approvals.queries.ts';
import { roleIdsOf } from './approvals.queries.ts';

/** Who is looking: the user and the roles they hold (steps are addressed to roles or to users). */
export interface Viewer {
  actor: Actor;
  roleIds: number[];
}

export async function viewerOf(db: Kysely<DB>, actor: Actor): Promise<Viewer> {
  return { actor, roleIds: await roleIdsOf(db, actor.userId) };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function mayDecide(
  viewer: Viewer,
  step: { approver_role_id: number | null; approver_user_id: number | null },
) {
  return (
    step.approver_user_id === viewer.actor.userId ||
    (step.approver_role_id !== null && viewer.roleIds.includes(step.approver_role_id))
  );
}

/** Requester, anyone a step is (or was) addressed to or decided by, and holders of the flow's approve permission. */
export function mayView(viewer: Viewer, request: q.RequestRow, steps: q.StepRow[]): boolean {
  const flow = APPROVAL_FLOWS[request.flow as ApprovalFlow];
  return (
    request.requested_by === viewer.actor.userId ||
    (!!flow && viewer.actor.permissions.has(flow.approvePermission)) ||
    steps.some((s) => mayDecide(viewer, s) || s.decided_by === viewer.actor.userId)
  );
}

export function presentStep(s: q.StepRow): ApprovalStepView {
  return {
    id: s.id,
    position: s.position,
    name: s.name,
    approverRoleId: s.approver_role_id,
    approverRoleName: s.role_name,
    approverUserId: s.approver_user_id,
    approverUserName: s.approver_name,
    status: s.status as ApprovalStepView['status'],
    decidedBy: s.decided_by,
    decidedByName: s.decider_name,
    decidedAt: iso(s.decided_at),
    comment: s.comment,
  };
}

export function presentRequest(
  request: q.RequestRow,
  steps: q.StepRow[],
  viewer: Viewer | null,
): ApprovalRequestView {
  const own = steps.filter((s) => s.request_id === request.id);
  const pending = request.status === 'pending' ? own.find((s) => s.status === 'pending') : undefined;
  const isRequester = !!viewer && request.requested_by === viewer.actor.userId;
  return {
    id: request.id,
    flow: request.flow,
    entityType: request.entity_type,
    entityId: request.entity_id,
    title: request.title,
    status: request.status as ApprovalStatus,
    requestedBy: request.requested_by,
    requestedByName: request.requester_name,
    requestedAt: request.requested_at.toISOString(),
    decidedAt: iso(request.decided_at),
    steps: own.map(presentStep),
    decidableStepId: pending && viewer && !isRequester && mayDecide(viewer, pending) ? pending.id : null,
    canCancel: isRequester && request.status === 'pending',
  };
}
