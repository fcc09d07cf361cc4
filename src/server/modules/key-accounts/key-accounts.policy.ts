import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of key accounts (大客户). Decision: everyone holding `customer.read` sees every key-account
 * card, its countermeasures and revisit plan — the card is part of the customer file, which every staff
 * user with customer.read reads (customers.policy.ts), and whoever answers the customer must see that
 * they are a key account. Applying, editing the card, countermeasures and revoking need
 * `key_account.manage` (route permission); designation is the `key_account` approval's business
 * (approvals.policy.ts).
 */
export type KeyAccountScope = { kind: 'all' };

export function scopeOf(_actor: Actor): KeyAccountScope {
  return { kind: 'all' };
}

/** The record when the actor may see it; a missing or hidden record is the same 404. */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
