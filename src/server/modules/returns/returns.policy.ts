import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Record scope of returns (退货). Decision: everyone holding `return.read` sees every return notice —
 * 营业部 files them, 资材部 counts the goods, 品保部 inspects, 生产部 reworks, and each needs the whole
 * notice whoever's customer it is. Portal contacts have no return routes. What each department may do
 * to a notice is decided here (mayX) rather than in the routes.
 */
export type ReturnScope = { kind: 'all' };

export function scopeOf(_actor: Actor): ReturnScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing or hidden record is the same 404. */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/** 生产部 reworks; quality re-checks it or 营业部 records it. */
export const mayMarkReworkDone = (actor: Actor) =>
  can(actor, 'return.inspect') || can(actor, 'return.manage');

/** 资材部 controls the replacement's delivery date (补货交期); 营业部 may record it too. */
export const mayMarkDelivered = (actor: Actor) => can(actor, 'return.receive') || can(actor, 'return.manage');

/** Photos and documents come from whoever works on the notice. */
export const mayAttach = (actor: Actor) =>
  can(actor, 'return.manage') || can(actor, 'return.receive') || can(actor, 'return.inspect');

/** Throws 403 when the actor may not take this action on a record they can see. */
export function requireMay(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
