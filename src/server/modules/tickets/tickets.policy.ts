import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Record scope of requests (服务请求/工单). Decision: whoever holds `ticket.read_all` (supervisors,
 * quality, administrators) sees every request; every other staff user sees the requests assigned to
 * them, those of the teams they belong to, and the unassigned queue (so anyone may pick up new work) —
 * someone else's request in another team is hidden and answers 404, in lists and on every sub-route.
 * The SQL that applies the scope is `scoped()` in tickets.queries.ts; this file decides which scope an
 * actor gets and what they may do to a request they can see.
 */
export interface TicketScope {
  all: boolean;
  userId: number;
}

export function scopeOf(actor: Actor | null): TicketScope {
  return { all: can(actor, 'ticket.read_all'), userId: actor?.userId ?? 0 };
}

/**
 * The record when the actor may see it. Requests are read through `scopeOf(actor)`, so a hidden request
 * arrives here as missing: a missing or hidden request is the same 404.
 */
export function requireVisible<T>(_actor: Actor | null, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/**
 * A public reply goes to the customer and needs `ticket.reply`; an internal note only `ticket.update`.
 * It depends on the kind of message alone, so like a route permission it is checked before the record.
 */
export const mayWriteMessage = (actor: Actor | null, kind: 'public' | 'internal') =>
  kind === 'internal' || can(actor, 'ticket.reply');

/** Choosing who works on a request (singly or in bulk). */
export const mayAssign = (actor: Actor | null) => can(actor, 'ticket.assign');

/** Merging duplicates and splitting a conversation; both requests must be visible to the actor. */
export const mayMerge = (actor: Actor | null) => can(actor, 'ticket.merge');

/** Throws 403 when the actor may not take this action on a record they can see. */
export function requireMay(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
