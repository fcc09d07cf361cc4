import type { Kysely } from 'kysely';
import { localise } from '../../../shared/localise.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import { mayMerge, requireMay } from './tickets.policy.ts';
import * as q from './tickets.queries.ts';
import { findVisibleTicket, ticketSearchTerms } from './tickets.service.ts';
import { TICKETS_TEXTS } from './tickets.texts.ts';
import { insertMessage } from './tickets-messages.queries.ts';
import {
  deleteRelatedLink,
  insertLink,
  linksOf,
  messageIdsOf,
  moveAllMessages,
  moveMessages,
  othersPresent,
  upsertPresence,
} from './tickets-relations.queries.ts';

/**
 * Merging a duplicate: its conversation moves to the surviving request (each message keeps its time and
 * author), the duplicate is closed pointing at the survivor, and both keep the history.
 */
export async function mergeTickets(db: Database, ctx: RequestContext, sourceId: number, targetId: number) {
  if (sourceId === targetId) throw invalid('VALIDATION_FAILED', 'targetId');
  await db.transaction().execute(async (trx) => {
    await findVisibleTicket(trx, ctx.actor, sourceId);
    await findVisibleTicket(trx, ctx.actor, targetId);
    requireMay(mayMerge(ctx.actor));
    // Lock both in id order so two opposite merges cannot deadlock.
    const [first, second] = [sourceId, targetId].sort((a, b) => a - b);
    const a = await q.lockTicket(trx, first!);
    const b = await q.lockTicket(trx, second!);
    const source = a!.id === sourceId ? a! : b!;
    const target = a!.id === targetId ? a! : b!;
    if (source.merged_into_id) throw new AppError('INVALID_TRANSITION', { reason: 'already merged' });
    if (target.merged_into_id) throw new AppError('INVALID_TRANSITION', { reason: 'target was merged' });
    const moved = await moveAllMessages(trx, source.id, target.id);
    await insertMessage(trx, {
      ticket_id: target.id,
      kind: 'system',
      author_user_id: ctx.actor.userId,
      body: localise(TICKETS_TEXTS, 'mergedInto', ctx.locale, {
        number: source.number,
        subject: source.subject,
      }),
    });
    await q.updateTicketRow(trx, source.id, {
      merged_into_id: target.id,
      status: 'closed',
      closed_at: new Date(),
    });
    await insertLink(trx, { ticketId: source.id, relatedId: target.id, kind: 'merged_into' });
    for (const t of [source, target]) {
      await q.insertEvent(trx, {
        ticket_id: t.id,
        actor_user_id: ctx.actor.userId,
        kind: 'merged',
        data: JSON.stringify({
          from: source.number,
          into: target.number,
          messages: moved,
        }),
      });
    }
    await recordAudit(trx, ctx, {
      action: 'ticket.merge',
      entityType: 'ticket',
      entityId: source.id,
      entityLabel: source.number,
      changes: [
        { field: 'mergedInto', before: null, after: target.number },
        { field: 'status', before: source.status, after: 'closed' },
      ],
    });
  });
}

/** Splitting: chosen messages become a new request for the same customer, linked back to the original. */
export async function splitTicket(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: { messageIds: number[]; subject: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await findVisibleTicket(trx, ctx.actor, id);
    requireMay(mayMerge(ctx.actor));
    const source = (await q.lockTicket(trx, id))!;
    const owned = await messageIdsOf(trx, id, input.messageIds);
    if (owned.length !== new Set(input.messageIds).size) throw invalid('VALIDATION_FAILED', 'messageIds');
    const number = await nextRecordNumber(trx, 'ticket');
    const row = {
      number,
      subject: input.subject,
      description: '',
      product: source.product,
      order_ref: source.order_ref,
      shipment_ref: source.shipment_ref,
      tags: source.tags,
    };
    const newId = await q.insertTicket(trx, {
      ...row,
      channel: source.channel,
      type_id: source.type_id,
      category_id: source.category_id,
      priority: source.priority,
      complexity: source.complexity,
      customer_id: source.customer_id,
      contact_id: source.contact_id,
      language: source.language,
      status: 'new',
      team_id: source.team_id,
      sla_policy_id: source.sla_policy_id,
      first_response_due_at: source.first_response_due_at,
      first_response_warn_at: source.first_response_warn_at,
      first_responded_at: source.first_responded_at,
      resolution_due_at: source.resolution_due_at,
      resolution_warn_at: source.resolution_warn_at,
      created_by_user_id: ctx.actor.userId,
      search_terms: ticketSearchTerms(row),
    });
    await moveMessages(trx, input.messageIds, newId);
    await insertLink(trx, { ticketId: newId, relatedId: id, kind: 'split_from' });
    await q.insertEvent(trx, {
      ticket_id: id,
      actor_user_id: ctx.actor.userId,
      kind: 'split',
      data: JSON.stringify({ into: number, messages: input.messageIds }),
    });
    await q.insertEvent(trx, {
      ticket_id: newId,
      actor_user_id: ctx.actor.userId,
      kind: 'created',
      data: JSON.stringify({ splitFrom: source.number }),
    });
    await recordAudit(trx, ctx, {
      action: 'ticket.split',
      entityType: 'ticket',
      entityId: newId,
      entityLabel: number,
      after: { splitFrom: source.number, subject: input.subject, messages: input.messageIds },
    });
    return newId;
  });
}

/** Links two visible requests as related (or removes the link); stored once, lower id first. */
export async function linkTickets(
  db: Database,
  ctx: RequestContext,
  id: number,
  relatedId: number,
  remove = false,
) {
  if (id === relatedId) throw invalid('VALIDATION_FAILED', 'relatedId');
  await db.transaction().execute(async (trx) => {
    const a = await findVisibleTicket(trx, ctx.actor, id);
    const b = await findVisibleTicket(trx, ctx.actor, relatedId);
    const [low, high] = [id, relatedId].sort((x, y) => x - y) as [number, number];
    if (remove) await deleteRelatedLink(trx, low, high);
    else await insertLink(trx, { ticketId: low, relatedId: high, kind: 'related' });
    await recordAudit(trx, ctx, {
      action: remove ? 'ticket.unlink' : 'ticket.link',
      entityType: 'ticket',
      entityId: id,
      entityLabel: a.number,
      changes: [{ field: 'related', before: remove ? b.number : null, after: remove ? null : b.number }],
    });
  });
}

/** Requests linked to a visible one, either direction, with the kind of link. */
export async function linksOfTicket(db: Kysely<DB>, actor: Actor | null, id: number) {
  await findVisibleTicket(db, actor, id);
  return (await linksOf(db, id)).map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Collision warning: each open request screen reports itself every ~20 s; the answer lists the other
 * agents who were on it in the last minute, and whether they are typing a reply.
 */
export async function touchPresence(db: Kysely<DB>, actor: Actor, ticketId: number, composing: boolean) {
  await findVisibleTicket(db, actor, ticketId);
  await upsertPresence(db, ticketId, actor.userId, composing);
  return othersPresent(db, ticketId, actor.userId, new Date(Date.now() - 60_000));
}
