import type {
  ApprovalInboxItem,
  ApprovalRequestView,
  ApprovalStatus,
  ApprovalStepView,
} from '../../../shared/schemas/approvals.ts';
import { iso } from '../../http/present.ts';
import { mayDecide, type Viewer } from './approvals.policy.ts';
import type * as q from './approvals.queries.ts';

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

export function presentInboxItem(r: q.InboxRow): ApprovalInboxItem {
  return {
    stepId: r.step_id,
    stepName: r.step_name,
    stepPosition: r.step_position,
    stepCount: Number(r.step_count),
    requestId: r.request_id,
    flow: r.flow,
    entityType: r.entity_type,
    entityId: r.entity_id,
    title: r.title,
    requestedBy: r.requested_by,
    requestedByName: r.requester_name,
    requestedAt: r.requested_at.toISOString(),
  };
}
