import { notFound } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';

/**
 * Record scope of mailboxes and their mail log. Decision: mailboxes are system configuration — every holder
 * of `mailbox.manage` sees and changes every mailbox and its import log (their passwords never leave the
 * server; the view only says whether one is set), and nobody else sees any. The mail of one request is not
 * mailbox data: it follows the request, so `/tickets/:id/emails` is read through the request's scope
 * (tickets.policy.ts), and a hidden request's mail is a 404 like the request itself.
 */
export type MailboxScope = { kind: 'all' };

export function scopeOf(_actor: Actor): MailboxScope {
  return { kind: 'all' };
}

/** The mailbox when the actor may see it; a missing mailbox is a 404 (none is hidden from a manager). */
export function requireVisible<T>(_actor: Actor, record: T | null | undefined): T {
  if (!record) throw notFound();
  return record;
}
