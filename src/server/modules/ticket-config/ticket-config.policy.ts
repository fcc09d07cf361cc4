import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Record scope of request configuration (types, categories, custom fields, SLA policies) and canned
 * responses. Decision: configuration is administration data that every staff user holding the route's
 * permission sees in full (`ticket.read` to read it for forms and filters, `ticket.configure` to change
 * it). Canned responses (快捷回复) are of two kinds: shared ones, which every agent sees and only
 * configurers (`ticket.configure`) manage, and personal ones, which only their owner sees and manages —
 * someone else's personal response answers 404.
 */
export type ConfigScope = { kind: 'all' };

export function scopeOf(_actor: Actor | null): ConfigScope {
  return { kind: 'all' };
}

/** The configuration record when it exists; a missing record is a 404. */
export function requireVisible<T>(_actor: Actor | null, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/** Canned responses an agent sees: the shared ones and their own. */
export interface CannedScope {
  userId: number;
}

export function cannedScopeOf(actor: Actor): CannedScope {
  return { userId: actor.userId };
}

/** A canned response the actor may see: shared or their own; someone else's personal one is a 404. */
export function requireVisibleCanned<T extends { owner_user_id: number | null }>(
  actor: Actor,
  record: T | null | undefined,
): T {
  if (!record || (record.owner_user_id !== null && record.owner_user_id !== actor.userId)) throw notFound();
  return record;
}

/** Shared responses are managed by configurers; personal ones by their owner. */
export const mayManageCanned = (actor: Actor, shared: boolean) => !shared || can(actor, 'ticket.configure');

/** Throws 403 when the actor may not take this action on a record they can see. */
export function requireMay(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
