import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of customer care (客户关怀). Decision: everyone holding `customer.read` sees every greeting
 * rule and the whole record of greetings and gifts — the record is part of the customer file, which every
 * staff user with customer.read reads (customers.policy.ts), and it tells an agent what a caller was sent
 * or given. Rules and gifts given by hand are written by holders of `care.manage` (route permission).
 */
export type CareScope = { kind: 'all' };

export function scopeOf(_actor: Actor): CareScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing or hidden record is the same 404. */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
