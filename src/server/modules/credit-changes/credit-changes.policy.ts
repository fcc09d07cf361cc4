import { forbidden, notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of credit-level changes (信用级别调整). Decision: everyone holding `customer.read` sees every
 * change and its approval steps — the credit terms are part of the customer file, which every staff user
 * with customer.read reads (customers.policy.ts). Filing a change needs `credit.request` (route
 * permission); deciding it is the `credit_change` approval's business (approvals.policy.ts); only the
 * requester takes a pending change back.
 */
export type CreditChangeScope = { kind: 'all' };

export function scopeOf(_actor: Actor): CreditChangeScope {
  return { kind: 'all' };
}

/** The change when the actor may see it; a missing or hidden change is the same 404. */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/** Only whoever filed the change withdraws it. */
export const mayWithdraw = (actor: Actor, change: { requested_by: number | null }) =>
  change.requested_by === actor.userId;

/** Throws 403 when the actor may not take this action on a change they can see. */
export function requireMay(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
