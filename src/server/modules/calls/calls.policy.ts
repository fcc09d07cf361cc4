import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of call records (通话记录). Decision: everyone holding `call.read` sees every call log,
 * whoever took the call — the call centre works as one queue: the next agent a customer reaches needs
 * the earlier calls, and supervisors review all of them. Logging and linking calls needs `call.log`.
 * Linking a call to a request also needs that request to be visible to the actor (tickets.policy.ts).
 * Numbers are masked without customer.view_sensitive (`maySeeSensitive`).
 */
export type CallScope = { kind: 'all' };

export function scopeOf(_actor: Actor | null): CallScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing or hidden record is the same 404. */
export function requireVisible<T>(_actor: Actor | null, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/**
 * A caller's number is personal data: in full only with customer.view_sensitive, as on the customer file
 * (customers.policy.ts); everyone else sees it masked.
 */
export { maySeeSensitive } from '../customers/customers.policy.ts';
