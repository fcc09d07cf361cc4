import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Record scope of new-customer applications (《新客户申请表》). Decision: holders of both `customer.read` and
 * `admission.approve` (the people who answer for admission) read every application. Everyone else reads
 * their own applications and those sent to them to decide: an application whose `customer_admission`
 * approval has (or had) a step addressed to them — by name or by a role they hold — or decided by them.
 * Their list shows their own applications; the ones to decide reach them through the approval inbox. A
 * hidden application is a 404 like a missing one. Only its applicant (or an all-reader) changes, submits
 * or withdraws an application, and a file is taken off a draft only by whoever uploaded it (to anyone else it is not there: 404).
 */
export type ApplicationScope = { kind: 'all' } | { kind: 'own'; userId: number };

/** All applications for admission deciders with customer.read; otherwise the caller's own (list). */
export function scopeOf(actor: Actor): ApplicationScope {
  return readsAll(actor) ? { kind: 'all' } : { kind: 'own', userId: actor.userId };
}

const readsAll = (actor: Actor) => can(actor, 'customer.read') && can(actor, 'admission.approve');

/** What the visibility decision needs of an application row. */
interface Visible {
  applicant_user_id: number | null;
  /** A step of its approval is (or was) addressed to the viewer, or decided by them (see the query). */
  addressed_to_viewer: boolean;
}

/** The application when the actor may see it; a missing or hidden application is the same 404. */
export function requireVisible<T extends Visible>(actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  if (readsAll(actor) || record.applicant_user_id === actor.userId || record.addressed_to_viewer)
    return record;
  throw notFound();
}

/** Edit, submit, withdraw: the applicant, or someone who reads every application. */
export const mayChange = (actor: Actor, record: { applicant_user_id: number | null }) =>
  readsAll(actor) || record.applicant_user_id === actor.userId;

/** A file comes off a draft only by the hand that put it there. */
export const mayRemoveFile = (actor: Actor, file: { uploaded_by_user_id: number | null }) =>
  file.uploaded_by_user_id === actor.userId;

/** Throws 403 when the actor may not take this action on an application they can see. */
export function requireMay(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
