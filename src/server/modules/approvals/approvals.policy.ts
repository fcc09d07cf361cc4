import type { Kysely } from 'kysely';
import { APPROVAL_FLOWS, type ApprovalFlow } from '../../../shared/schemas/approvals.ts';
import type { DB } from '../../db/schema.ts';
import { forbidden, notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';
import type * as q from './approvals.queries.ts';
import { roleIdsOf } from './approvals.queries.ts';

/**
 * Record scope of approval requests (审批). Decision: a request is seen by its requester, by anyone one of
 * its steps is (or was) addressed to — the named user or a holder of the step's role — or decided by, and
 * by holders of the flow's approve permission (`APPROVAL_FLOWS[flow].approvePermission`: they answer for
 * the flow and read every request of it). Anyone else gets a 404 for it. Any staff user may be named as an
 * approver, so no route permission guards approvals: the inbox lists the pending steps the viewer may
 * decide now (never on their own request), and deciding needs the step itself to be addressed to them.
 * Only the requester cancels. On the page of the record an approval is about (an application, a credit
 * change) its approvals show to whoever may see that record — that module's policy decides.
 */

/** Who is looking: the user and the roles they hold (steps are addressed to roles or to users). */
export interface Viewer {
  actor: Actor;
  roleIds: number[];
}

export async function viewerOf(db: Kysely<DB>, actor: Actor): Promise<Viewer> {
  return { actor, roleIds: await roleIdsOf(db, actor.userId) };
}

/** What the inbox lists: pending steps addressed to the viewer or one of their roles. */
export function scopeOf(viewer: Viewer) {
  return { userId: viewer.actor.userId, roleIds: viewer.roleIds };
}

type StepAddress = { approver_role_id: number | null; approver_user_id: number | null };

/** The step is addressed to the viewer: their name, or a role they hold. */
export function mayDecide(viewer: Viewer, step: StepAddress): boolean {
  return (
    step.approver_user_id === viewer.actor.userId ||
    (step.approver_role_id !== null && viewer.roleIds.includes(step.approver_role_id))
  );
}

/**
 * Requester, anyone a step is (or was) addressed to or decided by, and holders of the flow's approve
 * permission.
 */
export function mayView(viewer: Viewer, request: q.RequestRow, steps: readonly q.StepRow[]): boolean {
  const flow = APPROVAL_FLOWS[request.flow as ApprovalFlow];
  return (
    request.requested_by === viewer.actor.userId ||
    (!!flow && viewer.actor.permissions.has(flow.approvePermission)) ||
    steps.some((s) => mayDecide(viewer, s) || s.decided_by === viewer.actor.userId)
  );
}

/** The request when the viewer may see it; a missing or hidden request is the same 404. */
export function requireVisible(
  viewer: Viewer,
  request: q.RequestRow | null | undefined,
  steps: readonly q.StepRow[],
): q.RequestRow {
  if (!request || !mayView(viewer, request, steps)) throw notFound();
  return request;
}

/** Only the requester takes a request back. */
export const mayCancel = (viewer: Viewer, request: q.RequestRow) =>
  request.requested_by === viewer.actor.userId;

/**
 * Throws when the viewer may not take this action: 403 when they can see the request, 404 when they
 * cannot (an unauthorised id is never confirmed to exist).
 */
export function requireMay(
  allowed: boolean,
  viewer: Viewer,
  request: q.RequestRow,
  steps: readonly q.StepRow[],
): void {
  if (allowed) return;
  if (mayView(viewer, request, steps)) throw forbidden();
  throw notFound();
}
