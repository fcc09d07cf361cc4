import { notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';

/**
 * Record scope of customer files (客户档案). Decision: every staff user holding `customer.read` sees every
 * customer file — its contacts, documents, history, care record, key-account card and credit changes. An
 * agent answering any caller must find the caller's file whoever owns the account, and owner/advisor
 * ("mine") is a list filter for convenience, not a boundary. A merged customer stays reachable by its id
 * (it points to the file it was merged into); lists and duplicate checks leave it out. What is
 * sensitive is masked rather than hidden: phones, fax, emails and WeChat show in full only with
 * `customer.view_sensitive` (`maySeeSensitive`); bank account and ID number only ever show their last
 * four, and revealing one in full is that permission's route and is audited. Writing needs the route's
 * permission (customer.create / update / classify / merge / import / export).
 */
export type CustomerScope = { kind: 'all' };

export function scopeOf(_actor: Actor): CustomerScope {
  return { kind: 'all' };
}

/** The customer when the actor may see it; a missing or hidden customer is the same 404. */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}

/** Phones, emails and WeChat in full; otherwise they are masked. */
export const maySeeSensitive = (actor: Actor | null) => can(actor, 'customer.view_sensitive');
