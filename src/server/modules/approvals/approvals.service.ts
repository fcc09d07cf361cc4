import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ApprovalCondition,
  ApprovalDecision,
  ApprovalFacts,
  ApprovalFlow,
  ApprovalRequestView,
  ApprovalStatus,
  approvalInboxQuery,
} from '../../../shared/schemas/approvals.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid, isUniqueViolation, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { approvalHandlerFor } from '../registry.ts';
import {
  mayCancel,
  mayDecide,
  requireMay,
  requireVisible,
  scopeOf,
  type Viewer,
  viewerOf,
} from './approvals.policy.ts';
import { presentInboxItem, presentRequest } from './approvals.presenter.ts';
import * as q from './approvals.queries.ts';
import type { ApprovalOutcome } from './approvals.registry.ts';

/** Every approval request of one record with its steps (deciders, times, comments), newest first. */
export async function approvalHistory(
  db: Kysely<DB>,
  entityType: string,
  entityId: number,
  viewer: Viewer | null,
): Promise<ApprovalRequestView[]> {
  const requests = await q.requestsOf(db, entityType, entityId);
  const steps = await q.stepsOf(
    db,
    requests.map((r) => r.id),
  );
  return requests.map((r) => presentRequest(r, steps, viewer));
}

/** One page of the pending steps the actor may decide now (not on their own requests), newest first. */
export async function approvalInbox(
  db: Kysely<DB>,
  actor: Actor,
  query: z.output<typeof approvalInboxQuery>,
) {
  const rows = await q.inbox(db, { ...scopeOf(await viewerOf(db, actor)), ...query });
  return pageOf(rows, query.limit, presentInboxItem, (r) => String(r.step_id));
}

/** A request the viewer may see, with its steps; 404 otherwise. */
export async function loadRequestFor(db: Kysely<DB>, viewer: Viewer, id: number) {
  const steps = await q.stepsOf(db, [id]);
  const request = requireVisible(viewer, await q.findRequest(db, id), steps);
  return presentRequest(request, steps, viewer);
}

export function conditionMatches(condition: ApprovalCondition, facts: ApprovalFacts): boolean {
  if (condition.creditLevels?.length) {
    if (!facts.creditLevels?.some((level) => condition.creditLevels!.includes(level as 'I'))) return false;
  }
  const amount = facts.amount ?? null;
  if (condition.minAmount !== undefined && (amount === null || amount < condition.minAmount)) return false;
  if (condition.maxAmount !== undefined && (amount === null || amount > condition.maxAmount)) return false;
  return true;
}

async function notifyApprovers(
  trx: Kysely<DB>,
  request: { id: number; title: string; requested_by: number | null },
  step: { name: string; approver_role_id: number | null; approver_user_id: number | null },
  requesterName: string,
) {
  const users = (await q.approverUserIds(trx, step)).filter((id) => id !== request.requested_by);
  await notifyUsers(
    trx,
    users,
    'approval.pending',
    { title: request.title, step: step.name, 'requester.name': requesterName },
    `/approvals/${request.id}`,
  );
}

export interface StartApproval {
  flow: ApprovalFlow;
  entityType: string;
  entityId: number;
  /** Shown in inboxes and notifications, e.g. "新客户准入：某某公司（III 级）". */
  title: string;
  facts: ApprovalFacts;
}

/**
 * Opens an approval request in the caller's transaction: the active routes of the flow whose condition
 * matches the facts become its steps, in order; the first is pending and its approvers are notified.
 * One pending request per flow and record (APPROVAL_ALREADY_PENDING).
 */
export async function startApproval(trx: Kysely<DB>, ctx: RequestContext, input: StartApproval) {
  const routes = (await q.activeRoutes(trx, input.flow)).filter((r) =>
    conditionMatches(r.condition as ApprovalCondition, input.facts),
  );
  if (!routes.length) throw new AppError('APPROVAL_NO_ROUTE', { flow: input.flow });
  const open = await q.findPendingRequest(trx, input.flow, input.entityType, input.entityId);
  if (open) throw new AppError('APPROVAL_ALREADY_PENDING', { requestId: open.id });
  let request: Awaited<ReturnType<typeof q.insertRequest>>;
  try {
    request = await q.insertRequest(trx, {
      flow: input.flow,
      entity_type: input.entityType,
      entity_id: input.entityId,
      title: input.title,
      requested_by: ctx.actor.userId,
    });
  } catch (error) {
    if (isUniqueViolation(error, 'approval_request_one_pending_idx'))
      throw new AppError('APPROVAL_ALREADY_PENDING');
    throw error;
  }
  const steps = routes.map((r, i) => ({
    request_id: request.id,
    position: i + 1,
    name: r.name,
    approver_role_id: r.approver_role_id,
    approver_user_id: r.approver_user_id,
    status: i === 0 ? 'pending' : 'waiting',
  }));
  await q.insertSteps(trx, steps);
  await recordAudit(trx, ctx, {
    action: 'approval.start',
    entityType: 'approval_request',
    entityId: request.id,
    entityLabel: input.title,
    after: {
      flow: input.flow,
      entityType: input.entityType,
      entityId: input.entityId,
      steps: steps.map((s) => s.name),
    },
  });
  await notifyApprovers(trx, request, steps[0]!, ctx.actor.displayName);
  return request;
}

async function finish(trx: Kysely<DB>, ctx: RequestContext, request: q.RequestRow, outcome: ApprovalOutcome) {
  await q.skipOpenSteps(trx, request.id);
  await q.finishRequest(trx, request.id, outcome.status);
  const after = (await q.findRequest(trx, request.id))!;
  await approvalHandlerFor(request.flow)(trx, ctx, after, outcome);
  if (outcome.status !== 'cancelled' && request.requested_by)
    await notifyUsers(
      trx,
      [request.requested_by],
      `approval.${outcome.status}`,
      { title: request.title, 'actor.name': ctx.actor.displayName, comment: outcome.comment ?? '' },
      `/approvals/${request.id}`,
    );
}

/**
 * Decides a pending step: only its role's holders or its named user, never on their own request; a
 * rejection needs a reason. Approving moves on to the next step or approves the request; rejecting
 * rejects it. The owning module's handler applies a final outcome in the same transaction.
 */
export async function decide(db: Database, ctx: RequestContext, stepId: number, input: ApprovalDecision) {
  return db.transaction().execute(async (trx) => {
    const found = await q.findStep(trx, stepId);
    if (!found) throw notFound();
    // Lock the request so two deciders (or a decider and a cancel) cannot both act on it.
    const request = (await q.findRequest(trx, found.request_id, true))!;
    const step = (await q.findStep(trx, stepId))!;
    const viewer = await viewerOf(trx, ctx.actor);
    requireMay(mayDecide(viewer, step), viewer, request, await q.stepsOf(trx, [request.id]));
    if (request.requested_by === ctx.actor.userId) throw new AppError('APPROVAL_OWN_REQUEST');
    if (request.status !== 'pending' || step.status !== 'pending')
      throw new AppError('APPROVAL_STEP_NOT_PENDING');
    const comment = input.comment?.trim() || null;
    if (input.decision === 'reject' && !comment) throw invalid('APPROVAL_COMMENT_REQUIRED', 'comment');

    await q.updateStep(trx, step.id, {
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      decided_by: ctx.actor.userId,
      decided_at: new Date(),
      comment,
    });
    let requestStatus: ApprovalStatus = 'pending';
    const next =
      input.decision === 'approve' ? await q.nextWaitingStep(trx, request.id, step.position) : null;
    if (next) {
      await q.updateStep(trx, next.id, { status: 'pending' });
      await notifyApprovers(trx, request, next, request.requester_name ?? '');
    } else {
      requestStatus = input.decision === 'approve' ? 'approved' : 'rejected';
      await finish(trx, ctx, request, { status: requestStatus, comment });
    }
    await recordAudit(trx, ctx, {
      action: 'approval.decide',
      entityType: 'approval_request',
      entityId: request.id,
      entityLabel: request.title,
      after: { step: step.name, decision: input.decision, comment, status: requestStatus },
    });
    const after = (await q.findRequest(trx, request.id))!;
    return presentRequest(after, await q.stepsOf(trx, [request.id]), viewer);
  });
}

/**
 * Ends a pending request as cancelled in the caller's transaction (the owning module's handler runs);
 * who may cancel is for the caller to check. Returns false when the request was no longer pending.
 */
export async function cancelApproval(
  trx: Kysely<DB>,
  ctx: RequestContext,
  requestId: number,
  comment: string | null,
): Promise<boolean> {
  const request = await q.findRequest(trx, requestId, true);
  if (request?.status !== 'pending') return false;
  await finish(trx, ctx, request, { status: 'cancelled', comment });
  await recordAudit(trx, ctx, {
    action: 'approval.cancel',
    entityType: 'approval_request',
    entityId: request.id,
    entityLabel: request.title,
    before: { status: 'pending' },
    after: { status: 'cancelled', comment },
  });
  return true;
}

/** The requester takes back a pending request. */
export async function cancelByRequester(
  db: Database,
  ctx: RequestContext,
  requestId: number,
  comment: string | null,
) {
  return db.transaction().execute(async (trx) => {
    const request = await q.findRequest(trx, requestId, true);
    if (!request) throw notFound();
    const viewer = await viewerOf(trx, ctx.actor);
    requireMay(mayCancel(viewer, request), viewer, request, await q.stepsOf(trx, [request.id]));
    if (request.status !== 'pending') throw new AppError('APPROVAL_NOT_PENDING');
    await cancelApproval(trx, ctx, requestId, comment);
    const after = (await q.findRequest(trx, requestId))!;
    return presentRequest(after, await q.stepsOf(trx, [requestId]), viewer);
  });
}
