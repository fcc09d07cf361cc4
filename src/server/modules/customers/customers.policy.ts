import { AppError, notFound } from '../../http/app-error.ts';
import { type Actor, can } from '../../http/context.ts';
import { scopeOf as ticketScopeOf } from '../tickets/tickets.policy.ts';

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

/**
 * What filing a new customer may set beyond the file itself: each of these is decided by an approval
 * (admission makes a customer active, class has its audited change, credit its approval flow), so only
 * a holder of that approval's permission may set it when filing.
 */
const APPROVAL_GOVERNED = [
  { field: 'lifecycle', permission: 'admission.approve', set: (v: unknown) => v === 'active' },
  { field: 'class', permission: 'customer.classify', set: (v: unknown) => v != null },
  { field: 'creditLevel', permission: 'credit.approve', set: (v: unknown) => v != null },
  { field: 'creditLimit', permission: 'credit.approve', set: (v: unknown) => v != null },
  { field: 'creditPeriodDays', permission: 'credit.approve', set: (v: unknown) => v != null },
] as const;

type Governed = Partial<Record<(typeof APPROVAL_GOVERNED)[number]['field'], unknown>>;

/** The approval-governed values in `input` that the actor may not set, with the permission each needs. */
export const fieldsNeedingApproval = (actor: Actor, input: Governed) =>
  APPROVAL_GOVERNED.filter(({ field, permission, set }) => set(input[field]) && !can(actor, permission)).map(
    ({ field, permission }) => ({ field, permission }),
  );

/** 403 CUSTOMER_FIELD_NEEDS_APPROVAL for the first approval-governed value the actor may not set. */
export function requireMaySetOnCreate(actor: Actor, input: Governed) {
  const [refused] = fieldsNeedingApproval(actor, input);
  if (refused) throw new AppError('CUSTOMER_FIELD_NEEDS_APPROVAL', refused);
}

/** A new customer is active (admitted) only when its filer may admit customers; otherwise a prospect. */
export const defaultLifecycleOf = (actor: Actor) =>
  can(actor, 'admission.approve') ? ('active' as const) : ('prospect' as const);

/**
 * The requests a customer's timeline lists: exactly those the reader may open (tickets.policy.ts) — a
 * request, and its subject and description, follow one scope wherever they show.
 */
export const timelineRequestScope = (actor: Actor) => ticketScopeOf(actor);
