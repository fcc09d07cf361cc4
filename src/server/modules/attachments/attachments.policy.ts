import { notFound } from '../../http/app-error.ts';
import type { PortalActor } from '../../http/authentication.ts';
import type { Actor } from '../../http/context.ts';
import { raisedBy } from '../portal/portal.policy.ts';

/**
 * Record scope of attachments (附件). Decision: a file has no audience of its own — it is visible exactly
 * when the record it hangs on is visible, and every read goes through that record's check first.
 * - Staff: the files of a request to whoever sees the request (its scope in tickets.policy.ts);
 *   `/api/v1/attachments/:id` serves request files only, after reading the request through the actor's
 *   scope. Files on a customer, an application, a CAPA or a return are listed and served by those modules'
 *   routes after their own record check, never here.
 * - Portal contact: files on a request they raised (portal.policy.ts) that travel on a public reply, or
 *   that they uploaded themselves and have not sent yet; files on internal notes and staff drafts stay
 *   internal.
 * A hidden file is a 404 like a missing one. A file not yet sent may be removed only by its uploader (the
 * delete query applies that); once sent it is part of the conversation and stays.
 */

/**
 * The file when the record it hangs on is visible: `owner` is that request as read through the actor's
 * scope (undefined when hidden or missing). A file on anything but a request is not served here.
 */
export function requireVisible<T extends { ticket_id: number | null }>(
  _actor: Actor,
  file: T | null | undefined,
  owner: unknown,
): T {
  if (!file?.ticket_id || !owner) throw notFound();
  return file;
}

/** What the portal decision needs to know about a file: its request's contact and its message's kind. */
export interface PortalFileFacts {
  ticket_contact_id: number | null;
  message_id: number | null;
  message_kind: string | null;
  uploaded_by_contact_id: number | null;
}

/** A contact sees a file on their own request when it is on a public reply or is their own unsent upload. */
export function portalMaySee(portal: PortalActor, file: PortalFileFacts): boolean {
  if (!raisedBy(portal, { contact_id: file.ticket_contact_id })) return false;
  if (file.message_kind === 'public') return true;
  return file.message_id === null && file.uploaded_by_contact_id === portal.contactId;
}

/** The file when the contact may see it; a missing or hidden file is the same 404. */
export function requireVisibleToPortal<T extends PortalFileFacts>(
  portal: PortalActor,
  file: T | null | undefined,
): T {
  if (!file || !portalMaySee(portal, file)) throw notFound();
  return file;
}
