import type { Kysely } from 'kysely';
import type { TicketStatus } from '../../../shared/tickets/ticket-status.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { linkToMessage } from '../attachments/attachments.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { mentionedUsers, notifyUsers } from '../notifications/notifications.service.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { mayWriteMessage, requireMay } from './tickets.policy.ts';
import * as q from './tickets.queries.ts';
import { findVisibleTicket } from './tickets.service.ts';
import { insertMessage, termsVector } from './tickets-messages.queries.ts';
import { applyTransition } from './tickets-workflow.service.ts';

/** Messages on a request: from the customer (which may wake or reopen it) and from staff (replies and notes). */

export const REOPEN_DEFAULTS = { reopenWindowDays: 7 };

/**
 * A message from the customer (portal, email, chat). It wakes a request waiting on the customer, and
 * reopens a resolved or closed one if it comes within the reopen window (a setting); later replies are
 * kept on the request but do not reopen it — the channel decides whether to start a new request.
 */
export async function addCustomerMessage(
  db: Database,
  input: {
    ticketId: number;
    contactId: number | null;
    body: string;
    channel: string;
    attachmentIds?: number[] | undefined;
  },
  now = new Date(),
): Promise<{ messageId: number; reopened: boolean; tooLateToReopen: boolean }> {
  const { reopenWindowDays } = await readSetting(db, 'tickets.reopen', REOPEN_DEFAULTS);
  return db.transaction().execute(async (trx) => {
    const current = await q.lockTicket(trx, input.ticketId);
    if (!current) throw notFound();
    const messageId = await insertMessage(trx, {
      ticket_id: current.id,
      kind: 'public',
      channel: input.channel,
      author_contact_id: input.contactId,
      body: input.body,
      search_terms: termsVector(input.body),
      created_at: now,
    });
    await linkToMessage(trx, current.id, messageId, input.attachmentIds ?? [], {
      contactId: input.contactId,
    });
    const status = current.status as TicketStatus;
    const finishedAt = current.closed_at ?? current.resolved_at;
    let reopened = false;
    let tooLateToReopen = false;
    if (status === 'waiting_customer') {
      await applyTransition(trx, null, current, { status: 'in_progress' }, now);
    } else if (status === 'resolved' || status === 'revisited' || status === 'closed') {
      if (finishedAt && now.getTime() - finishedAt.getTime() <= reopenWindowDays * 86_400_000) {
        await applyTransition(trx, null, current, { status: 'in_progress', reason: 'customer replied' }, now);
        reopened = true;
      } else {
        tooLateToReopen = true;
      }
    }
    await q.insertEvent(trx, {
      ticket_id: current.id,
      kind: 'customer_message',
      data: JSON.stringify({ messageId, channel: input.channel }),
    });
    return { messageId, reopened, tooLateToReopen };
  });
}

/** A public reply (goes to the customer) or an internal note. The first public reply stops the first-response clock. */
export async function addTicketMessage(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: StaffMessage,
  now = new Date(),
) {
  // Like a route permission, this depends on the kind of message only, so it is decided before the record.
  requireMay(mayWriteMessage(ctx.actor, input.kind));
  return db.transaction().execute(async (trx) => {
    await findVisibleTicket(trx, ctx.actor, id);
    return writeStaffMessage(trx, ctx, id, input, now);
  });
}

export interface StaffMessage {
  kind: 'public' | 'internal';
  body: string;
  attachmentIds?: number[] | undefined;
}

/**
 * A staff message inside the caller's transaction (the request's scope already checked), e.g. a
 * complaint step that writes to the customer. After commit, a public one on an email request still
 * needs `queueReplyEmail`.
 */
export async function writeStaffMessage(
  trx: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  input: StaffMessage,
  now = new Date(),
): Promise<number> {
  const current = await q.lockTicket(trx, id);
  if (!current) throw notFound();
  const messageId = await insertMessage(trx, {
    ticket_id: id,
    kind: input.kind,
    channel: input.kind === 'public' ? current.channel : null,
    author_user_id: ctx.actor.userId,
    body: input.body,
    search_terms: termsVector(input.body),
    created_at: now,
  });
  await linkToMessage(trx, id, messageId, input.attachmentIds ?? [], { userId: ctx.actor.userId });
  if (input.kind === 'public') {
    const patch: Parameters<typeof q.updateTicketRow>[2] = {};
    if (!current.first_responded_at) {
      patch.first_responded_at = now;
      if (current.first_response_due_at && now > current.first_response_due_at)
        patch.first_response_breached = true;
    }
    // Answering a new request starts work on it.
    if (current.status === 'new' || current.status === 'assigned') {
      patch.status = 'in_progress';
      if (!current.assignee_id) patch.assignee_id = ctx.actor.userId;
    }
    if (Object.keys(patch).length) await q.updateTicketRow(trx, id, patch);
  }
  const mentioned = (await mentionedUsers(trx, input.body)).filter((userId) => userId !== ctx.actor.userId);
  await notifyUsers(
    trx,
    mentioned,
    'ticket.mention',
    {
      'actor.name': ctx.actor.displayName,
      'ticket.number': current.number,
      excerpt: input.body.slice(0, 200),
    },
    `/tickets/${id}`,
  );
  await recordAudit(trx, ctx, {
    action: input.kind === 'public' ? 'ticket.reply' : 'ticket.note',
    entityType: 'ticket',
    entityId: id,
    entityLabel: current.number,
    changes: [{ field: 'messageId', before: null, after: messageId }],
  });
  return messageId;
}
