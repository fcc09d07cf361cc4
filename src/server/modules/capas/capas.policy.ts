import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Record scope of CAPA (《纠正与预防措施报告》). Decision: everyone holding `capa.read` sees every report —
 * quality runs them, the complaint specialists follow the ones their complaints raised, the managers and the
 * departments that own an action need the whole report, and a report answers problems across customers.
 * Changing a report and planning its actions needs `capa.manage`, verifying it `capa.verify` (route
 * permissions); the decisions about a single action or file are written here (mayX).
 */
export type CapaScope = { kind: 'all' };

export function scopeOf(_actor: Actor): CapaScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing or hidden report is the same 404. */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/** Throws 403 when the actor may not take this action on a record they can see. */
export function requireMay(allowed: boolean): void {
  if (!allowed) throw forbidden();
}

/** An action is reported done by a CAPA manager or by the action's own owner (who may hold capa.read only). */
export const mayCompleteAction = (actor: Actor, action: { owner_user_id: number | null }) =>
  can(actor, 'capa.manage') || action.owner_user_id === actor.userId;

/** Effectiveness is verified by holders of capa.verify. */
export const mayVerify = (actor: Actor) => can(actor, 'capa.verify');

/** A report opened from a complaint: the one who opens it must be able to read complaints. */
export const mayLinkComplaint = (actor: Actor) => can(actor, 'complaint.read');

/** Evidence is added by those who run the report or verify it. */
export const mayAttach = (actor: Actor) => can(actor, 'capa.manage') || can(actor, 'capa.verify');

/**
 * A file is taken off only by whoever uploaded it; to anyone else it does not exist as a removable file,
 * so the answer is the same 404 as for a missing one (as the routes always answered).
 */
export const mayRemoveAttachment = (actor: Actor, file: { uploaded_by_user_id: number | null }) =>
  file.uploaded_by_user_id === actor.userId;
