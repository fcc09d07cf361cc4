import { type ComplaintStep, STEP_PERMISSIONS } from '../../../shared/complaints/complaint-flow.ts';
import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Record scope of complaints (投诉) and their compensations (补货、补偿及赔偿). Decision: everyone holding
 * `complaint.read` sees every complaint — the complaint specialists, quality, the managers and the
 * departments named in a step all work across customers, and a complaint is handed from one of them to the
 * next. A compensation is seen by whoever sees the record it belongs to (the complaint, or a return notice
 * with `return.read`) and by its approvers (`compensation.approve`). What an actor may do to a complaint or
 * a compensation is decided here (mayX), not in the routes or the flow.
 */
export type ComplaintScope = { kind: 'all' };

export function scopeOf(_actor: Actor): ComplaintScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing or hidden complaint is the same 404. */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/** Throws 403 when the actor may not take this action on a record they can see. */
export function requireMay(allowed: boolean): void {
  if (!allowed) throw forbidden();
}

/**
 * Who may complete a step: its owner, or a holder of one of the step's permissions (the shared step table,
 * which the client reads too: sales/service record and reply, quality investigates and reviews).
 */
export const mayCompleteStep = (actor: Actor, step: ComplaintStep, stepOwnerUserId: number | null) =>
  stepOwnerUserId === actor.userId || STEP_PERMISSIONS[step].some((p) => can(actor, p));

/** Complaint handlers own complaints: the one they register, and an unowned one whose first step they take. */
export const mayOwnComplaint = (actor: Actor) => can(actor, 'complaint.handle');

/** The quality steps (review, analysis) stay with the quality engineer who moved the complaint there. */
export const mayOwnQualityStep = (actor: Actor) => can(actor, 'complaint.review');

// ── Compensations ────────────────────────────────────────────────────────────────────────────────────

interface CompensationOf {
  complaint_id: number | null;
  return_id: number | null;
}

/** Whoever may see the complaint or the return it belongs to, and its approvers (through their inbox). */
export const compensationVisible = (actor: Actor, c: CompensationOf) =>
  (c.complaint_id !== null && can(actor, 'complaint.read')) ||
  (c.return_id !== null && can(actor, 'return.read')) ||
  can(actor, 'compensation.approve');

/** The compensation when the actor may see it; a missing or hidden one is the same 404. */
export function requireCompensationVisible<T extends CompensationOf>(
  actor: Actor,
  record: T | null | undefined,
): T {
  if (!record || !compensationVisible(actor, record)) throw notFound();
  return record;
}

/** Compensation on a complaint is asked for by holders of `compensation.request` (a return's refund is part of its disposition). */
export const mayRequestCompensation = (actor: Actor) => can(actor, 'compensation.request');

/** Only the requester takes a pending compensation back. */
export const mayWithdrawCompensation = (actor: Actor, c: { requested_by: number | null }) =>
  c.requested_by === actor.userId;

/** Carrying it out is recorded by the complaint's handlers, or for a return's refund by 营业部 (return.manage). */
export const mayExecuteCompensation = (actor: Actor, c: CompensationOf) =>
  (c.complaint_id !== null && can(actor, 'complaint.handle')) ||
  (c.return_id !== null && can(actor, 'return.manage'));
