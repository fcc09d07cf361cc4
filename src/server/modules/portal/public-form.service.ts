import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { publicRequest } from '../../../shared/schemas/portal.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isLocked, recordFailure } from '../auth/throttle.queries.ts';
import { ipKey } from '../auth/throttle.ts';
import { findContactByAddress, insertContactRow } from '../customers/contacts.queries.ts';
import { queueMessage } from '../notifications/notifications.service.ts';
import { readOrganisation } from '../organisation/organisation.queries.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { createTicketIn, findVisibleTicket } from '../tickets/tickets.service.ts';
import { findTicketNumber, inquiryTypeId } from './portal-tickets.queries.ts';
import * as q from './public-form.queries.ts';
import {
  confirmTokenContact,
  formTokenIssuedAt,
  issueConfirmToken,
  issueFormToken,
} from './public-form.tokens.ts';

export { issueFormToken };

export const PUBLIC_FORM_DEFAULTS = { maxPerHourPerIp: 5, minSecondsToFill: 3 };

/** What the page needs before the form is filled: its signed form token. */
export function publicFormStart() {
  return { formToken: issueFormToken() };
}

/** The time since the page fetched its form token, from the server's clock; a bad token is a rejection. */
async function checkFillTime(db: Kysely<DB>, formToken: string, now: number) {
  const issued = formTokenIssuedAt(formToken);
  if (issued === null) throw new AppError('SUBMISSION_REJECTED', { reload: true });
  const limits = await readSetting(db, 'security.public_form', PUBLIC_FORM_DEFAULTS);
  const age = now - issued;
  if (age < limits.minSecondsToFill * 1000) {
    throw new AppError('SUBMISSION_REJECTED', {
      retryAfterSeconds: Math.ceil((limits.minSecondsToFill * 1000 - age) / 1000),
    });
  }
  // A form left open for more than a day is reloaded (fresh token) rather than trusted.
  if (age > 24 * 3600_000) throw new AppError('SUBMISSION_REJECTED', { reload: true });
  return limits;
}

/**
 * A request from the public form, after its abuse checks: a honeypot field, a minimum time to fill the
 * form measured from the server-signed form token, and a per-IP hourly limit kept in the database (so
 * every node shares it). Bots that fill the honeypot get a normal-looking answer and nothing is stored.
 * The sender is unverified: they become a contact of their own, never the contact (or customer) their
 * email or phone matches, until they confirm by the emailed link or an agent confirms them. The request
 * and its acknowledgement email are written in one transaction. Returns the request number, or null for
 * a bot.
 */
export async function submitPublicRequest(
  db: Database,
  publicUrl: string,
  b: z.output<typeof publicRequest>,
  ip: string,
): Promise<{ id: number; number: string } | null> {
  if (b.website) return null;
  const limits = await checkFillTime(db, b.formToken, Date.now());
  const key = `form:${ipKey(ip)}`;
  if (await isLocked(db, [key])) throw new AppError('RATE_LIMITED');
  // Every accepted submission counts towards the hourly limit.
  await recordFailure(db, key, { limit: limits.maxPerHourPerIp, windowMinutes: 60, lockMinutes: 60 });
  return db.transaction().execute(async (trx) => {
    const contactId = await insertContactRow(trx, {
      name: b.name,
      email: b.email,
      phone: b.phone ?? null,
      notes: b.company ?? null,
      unverified: true,
    });
    const id = await createTicketIn(trx, null, {
      channel: 'web',
      typeId: await inquiryTypeId(trx),
      subject: b.subject,
      description: b.description,
      contactId,
      language: b.locale,
    });
    const ticket = await findTicketNumber(trx, id);
    const org = await readOrganisation(trx);
    await queueMessage(trx, {
      channel: 'email',
      to: b.email,
      key: 'public.request_received',
      locale: b.locale,
      vars: {
        'contact.name': b.name,
        'ticket.number': ticket.number,
        'ticket.subject': ticket.subject,
        'organisation.name': org.name,
        link: `${publicUrl}/portal/confirm-request?token=${encodeURIComponent(issueConfirmToken(contactId))}`,
      },
      secrets: ['link'],
    });
    return { id, number: ticket.number };
  });
}

/**
 * Confirms an unverified sender inside the caller's transaction: their requests move to the contact on
 * file they match (`match`), or they stay their own contact, now verified. Audited on each request.
 */
async function confirmSender(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  contactId: number,
  match: (
    sender: NonNullable<Awaited<ReturnType<typeof q.findSender>>>,
  ) => Promise<{ id: number; customer_id: number | null } | undefined>,
  how: 'email' | 'agent',
) {
  const sender = await q.findSender(trx, contactId);
  if (!sender?.unverified) return null;
  const target = await match(sender);
  const requests = await q.requestsOfSender(trx, contactId);
  if (target) await q.moveSenderTo(trx, contactId, target);
  else await q.markVerified(trx, contactId);
  for (const r of requests) {
    await recordAudit(trx, ctx, {
      action: 'ticket.sender_confirmed',
      entityType: 'ticket',
      entityId: r.id,
      entityLabel: r.number,
      actorLabel: `public form: ${sender.name} <${sender.email ?? ''}>`,
      changes: [
        { field: 'contact_id', before: contactId, after: target?.id ?? contactId },
        { field: 'confirmed_by', before: null, after: how },
      ],
    });
  }
  return requests;
}

/**
 * The sender followed the emailed link: the address is theirs, so their requests join the contact on file
 * with that email (its portal history and customer file), if there is one. Confirming twice is harmless.
 */
export async function confirmByEmail(db: Database, token: string) {
  const contactId = confirmTokenContact(token);
  if (contactId === null) throw new AppError('SENDER_CONFIRMATION_INVALID');
  await db
    .transaction()
    .execute((trx) =>
      confirmSender(trx, null, contactId, (s) => findContactByAddress(trx, s.email, null), 'email'),
    );
}

/**
 * An agent who checked who the sender is (by phone, say) confirms them: the requests join the contact on
 * file matching their email or phone, if any. The request must be visible to the agent (tickets policy).
 */
export async function confirmByAgent(db: Database, ctx: RequestContext, ticketId: number) {
  await db.transaction().execute(async (trx) => {
    await findVisibleTicket(trx, ctx.actor, ticketId);
    const sender = await q.unverifiedSenderOf(trx, ticketId);
    if (!sender) throw new AppError('SENDER_ALREADY_CONFIRMED');
    await confirmSender(
      trx,
      ctx,
      sender.id,
      (s) => findContactByAddress(trx, s.email, s.phone ?? s.mobile),
      'agent',
    );
  });
}
