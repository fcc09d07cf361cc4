import { notFound } from '../../http/app-error.ts';
import type { PortalActor } from '../../http/authentication.ts';

/**
 * Record scope of the customer portal. Decision: a portal contact sees only the requests they raised
 * themselves (ticket.contact_id is their contact) — not those of colleagues at the same company, and never
 * another company's; any other request id is a 404, never a 403, so the portal does not tell which ids
 * exist. A duplicate merged into another request is hidden too: its conversation moved to the survivor,
 * which is what the contact follows. The portal's customer is the contact's company (contact.customer_id):
 * it is shown on /api/portal/me and stamped on the requests they raise, but it widens nothing. Files on a
 * request follow the request (attachments.policy.ts). Staff never act through this policy.
 */
export interface PortalScope {
  contactId: number;
}

export function scopeOf(portal: PortalActor): PortalScope {
  return { contactId: portal.contactId };
}

/** The contact raised this request (whatever became of it since). */
export const raisedBy = (portal: PortalActor, ticket: { contact_id: number | null }) =>
  ticket.contact_id === portal.contactId;

/** The request when the contact may see it; a missing, another contact's or a merged request is the same 404. */
export function requireVisible<T extends { contact_id: number | null; merged_into_id: number | null }>(
  portal: PortalActor,
  ticket: T | null | undefined,
): T {
  if (!ticket || !raisedBy(portal, ticket) || ticket.merged_into_id !== null) throw notFound();
  return ticket;
}

/** Statuses in which the customer may rate the handling of their request. */
const RATEABLE: readonly string[] = ['resolved', 'revisited', 'closed'];

/** Rating is open once the request is resolved (a later rating replaces the first). */
export const mayRate = (_portal: PortalActor, ticket: { status: string }) => RATEABLE.includes(ticket.status);
