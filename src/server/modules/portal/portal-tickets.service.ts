import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/locale.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import type { PortalActor } from '../../http/authentication.ts';
import { pageOf } from '../../http/paging.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createTicket } from '../tickets/tickets.service.ts';
import { listMessages } from '../tickets/tickets-messages.queries.ts';
import { addCustomerMessage } from '../tickets/tickets-messages.service.ts';
import { mayRate, requireVisible, scopeOf } from './portal.policy.ts';
import { presentPortalMessage, presentPortalTicket } from './portal.presenter.ts';
import * as q from './portal-tickets.queries.ts';

/** One of the contact's own requests as stored; anything else is a 404. */
export async function findOwnRequest(db: Kysely<DB>, portal: PortalActor, id: number) {
  return requireVisible(portal, await q.findOwnTicket(db, scopeOf(portal), id));
}

export async function listOwnRequests(
  db: Kysely<DB>,
  portal: PortalActor,
  page: { cursor?: string | undefined; limit: number },
) {
  const rows = await q.listOwnTickets(db, scopeOf(portal), page);
  return pageOf(rows, page.limit, (t) => presentPortalTicket(portal, t));
}

export async function getOwnRequest(db: Kysely<DB>, portal: PortalActor, id: number) {
  return presentPortalTicket(portal, await findOwnRequest(db, portal, id));
}

/** The conversation the customer sees: public replies and their own messages, never internal notes. */
export async function listOwnRequestMessages(db: Kysely<DB>, portal: PortalActor, id: number) {
  await findOwnRequest(db, portal, id);
  return (await listMessages(db, id, false)).map(presentPortalMessage);
}

/** A request raised in the portal: by this contact, through the web channel, in their language. */
export async function submitRequest(
  db: Database,
  portal: PortalActor,
  input: {
    typeId?: number | null | undefined;
    subject: string;
    description: string;
    orderRef?: string | null | undefined;
  },
  locale: Locale,
) {
  // Only a type the portal offers: staff-only types (care visits) are not the customer's to choose.
  if (input.typeId && !(await q.findPortalTicketType(db, input.typeId)))
    throw invalid('VALIDATION_FAILED', 'typeId');
  const typeId = input.typeId ?? (await q.inquiryTypeId(db));
  const id = await createTicket(db, null, {
    channel: 'web',
    typeId,
    subject: input.subject,
    description: input.description,
    orderRef: input.orderRef ?? null,
    contactId: portal.contactId,
    language: locale,
  });
  return getOwnRequest(db, portal, id);
}

/** The customer's reply on their own request (it may reopen a finished one within the window). */
export async function replyToOwnRequest(
  db: Database,
  portal: PortalActor,
  id: number,
  input: { body: string; attachmentIds?: number[] | undefined },
) {
  await findOwnRequest(db, portal, id);
  return addCustomerMessage(db, {
    ticketId: id,
    contactId: portal.contactId,
    body: input.body,
    channel: 'web',
    attachmentIds: input.attachmentIds,
  });
}

/** The customer's satisfaction score for a resolved request, with its event and audit entry. */
export async function rateOwnRequest(
  db: Database,
  portal: PortalActor,
  id: number,
  input: { score: number; comment?: string | null | undefined },
) {
  const t = await findOwnRequest(db, portal, id);
  if (!mayRate(portal, t)) throw new AppError('NOT_RATEABLE');
  await db.transaction().execute(async (trx) => {
    await q.setRating(trx, t.id, input.score, input.comment ?? null);
    await q.insertRatedEvent(trx, t.id, input.score);
    await recordAudit(trx, null, {
      action: 'ticket.rate',
      entityType: 'ticket',
      entityId: t.id,
      entityLabel: t.number,
      actorLabel: `portal: ${portal.name} <${portal.email}>`,
      changes: [{ field: 'satisfaction', before: t.satisfaction, after: input.score }],
    });
  });
}

export async function listPortalTypes(db: Kysely<DB>) {
  const rows = await q.listPortalTicketTypes(db);
  return rows.map((r) => ({ id: r.id, code: r.code, label: r.label as Record<string, string> }));
}
