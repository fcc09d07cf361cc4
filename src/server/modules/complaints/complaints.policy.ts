import { type ComplaintStep, STEP_PERMISSIONS } from '../../../shared/complaints/complaint-flow.ts';
import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';
import { type TicketScope, scopeOf as ticketScopeOf } from '../tickets/tickets.policy.ts';

/**
 * Record scope of complaints (投诉) and their compensations (补货、补偿及赔偿). Decision: a complaint is a
 * request of type 投诉 plus its record, so it follows its request's scope (tickets.policy.ts): a
 * `complaint.read` holder sees it when they may see the request — `ticket.read_all` (complaint
 * specialists, quality, managers), or the request is theirs, their team's or unassigned — and also when
 * they own the complaint or one of its steps (a step handed to another department must be workable there).
 * The same rule covers the record, its drafts, its printed forms and the request's line on the customer
 * timeline. A compensation is seen by whoever sees the record it belongs to (the complaint, or a return
 * notice with `return.read`) and by its approvers (`compensation.approve`). What an actor may do to a
 * complaint or a compensation is decided here (mayX), not in the routes or the flow.
 */
export interface ComplaintScope {
  /** The request scope of the reader (tickets.policy.ts). */
  requests: TicketScope;
  /** Complaints and steps this user owns are visible whatever the request's scope. */
  userId: number;
}

export function scopeOf(actor: Actor): ComplaintScope {
  return { requests: ticketScopeOf(actor), userId: actor.userId };
}

/** The record when the actor may see it; a missing or hidden complaint is the same 404. */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/**
 * Phones and emails in a complaint's 联系方式 follow the customer file's rule: in full only with
 * customer.view_sensitive, masked for everyone else.
 */
export { maySeeSensitive } from '../customers/customers.policy.ts';

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

/**
 * Whoever may see the complaint (`complaintInScope`: its request is in their scope, see scopeOf) or the
 * return it belongs to, and its approvers (through their inbox).
 */
export const compensationVisible = (actor: Actor, c: CompensationOf, complaintInScope: boolean) =>
  (c.complaint_id !== null && can(actor, 'complaint.read') && complaintInScope) ||
  (c.return_id !== null && can(actor, 'return.read')) ||
  can(actor, 'compensation.approve');

/** The compensation when the actor may see it; a missing or hidden one is the same 404. */
export function requireCompensationVisible<T extends CompensationOf>(
  actor: Actor,
  record: T | null | undefined,
  complaintInScope: boolean,
): T {
  if (!record || !compensationVisible(actor, record, complaintInScope)) throw notFound();
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
