import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nextRecordNumber } from '../organisation/record-numbers.ts';
import * as q from './tickets.queries.ts';
import { ticketSearchTerms } from './tickets.service.ts';

/**
 * Merging a duplicate: its conversation moves to the surviving request (each message keeps its time and
 * author), the duplicate is closed pointing at the survivor, and both keep the history.
 */
export async function mergeTickets(
  db: Database,
  ctx: RequestContext,
  scope: q.TicketScope,
  sourceId: number,
  targetId: number,
) {
  if (sourceId === targetId) throw invalid('VALIDATION_FAILED', 'targetId');
  await db.transaction().execute(async (trx) => {
    if (!(await q.findTicket(trx, sourceId, scope)) || !(await q.findTicket(trx, targetId, scope)))
      throw notFound();
    // Lock both in id order so two opposite merges cannot deadlock.
    const [first, second] = [sourceId, targetId].sort((a, b) => a - b);
    const a = await q.lockTicket(trx, first!);
    const b = await q.lockTicket(trx, second!);
    const source = a!.id === sourceId ? a! : b!;
    const target = a!.id === targetId ? a! : b!;
    if (source.merged_into_id) throw new AppError('INVALID_TRANSITION', { reason: 'already merged' });
    if (target.merged_into_id) throw new AppError('INVALID_TRANSITION', { reason: 'target was merged' });
    const moved = await trx
      .updateTable('ticket_message')
      .set({ ticket_id: target.id })
      .where('ticket_id', '=', source.id)
      .executeTakeFirst();
    await q.insertMessage(trx, {
      ticket_id: target.id,
      kind: 'system',
      author_user_id: ctx.actor.userId,
      body: `${source.number}（${source.subject}）已合并到本请求`,
    });
    await q.updateTicketRow(trx, source.id, {
      merged_into_id: target.id,
      status: 'closed',
      closed_at: new Date(),
    });
    await trx
      .insertInto('ticket_link')
      .values({ ticket_id: source.id, related_id: target.id, kind: 'merged_into' })
      .onConflict((oc) => oc.columns(['ticket_id', 'related_id']).doUpdateSet({ kind: 'merged_into' }))
      .execute();
    for (const t of [source, target]) {
      await q.insertEvent(trx, {
        ticket_id: t.id,
        actor_user_id: ctx.actor.userId,
        kind: 'merged',
        data: JSON.stringify({
          from: source.number,
          into: target.number,
          messages: Number(moved.numUpdatedRows),
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
  scope: q.TicketScope,
  id: number,
  input: { messageIds: number[]; subject: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (!(await q.findTicket(trx, id, scope))) throw notFound();
    const source = (await q.lockTicket(trx, id))!;
    const owned = await trx
      .selectFrom('ticket_message')
      .select('id')
      .where('ticket_id', '=', id)
      .where('id', 'in', input.messageIds)
      .execute();
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
    await trx
      .updateTable('ticket_message')
      .set({ ticket_id: newId })
      .where('id', 'in', input.messageIds)
      .execute();
    await trx
      .insertInto('ticket_link')
      .values({ ticket_id: newId, related_id: id, kind: 'split_from' })
      .execute();
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

export async function linkTickets(
  db: Database,
  ctx: RequestContext,
  scope: q.TicketScope,
  id: number,
  relatedId: number,
  remove = false,
) {
  if (id === relatedId) throw invalid('VALIDATION_FAILED', 'relatedId');
  await db.transaction().execute(async (trx) => {
    const a = await q.findTicket(trx, id, scope);
    const b = await q.findTicket(trx, relatedId, scope);
    if (!a || !b) throw notFound();
    const [low, high] = [id, relatedId].sort((x, y) => x - y) as [number, number];
    if (remove)
      await trx
        .deleteFrom('ticket_link')
        .where('ticket_id', '=', low)
        .where('related_id', '=', high)
        .where('kind', '=', 'related')
        .execute();
    else
      await trx
        .insertInto('ticket_link')
        .values({ ticket_id: low, related_id: high, kind: 'related' })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await recordAudit(trx, ctx, {
      action: remove ? 'ticket.unlink' : 'ticket.link',
      entityType: 'ticket',
      entityId: id,
      entityLabel: a.number,
      changes: [{ field: 'related', before: remove ? b.number : null, after: remove ? null : b.number }],
    });
  });
}

/** Requests linked to one, either direction, with the kind of link. */
export function linksOf(db: Database, id: number) {
  return sql<{
    id: number;
    number: string;
    subject: string;
    status: string;
    kind: string;
    direction: 'out' | 'in';
  }>`
    SELECT t.id, t.number, t.subject, t.status, l.kind, 'out' AS direction FROM ticket_link l JOIN ticket t ON t.id = l.related_id WHERE l.ticket_id = ${id}
    UNION ALL
    SELECT t.id, t.number, t.subject, t.status, l.kind, 'in' AS direction FROM ticket_link l JOIN ticket t ON t.id = l.ticket_id WHERE l.related_id = ${id}
    ORDER BY id LIMIT 200`.execute(db);
}

/**
 * Collision warning: each open request screen reports itself every ~20 s; the answer lists the other
 * agents who were on it in the last minute, and whether they are typing a reply.
 */
export async function touchPresence(db: Database, ticketId: number, userId: number, composing: boolean) {
  await db
    .insertInto('ticket_presence')
    .values({ ticket_id: ticketId, user_id: userId, composing, seen_at: new Date() })
    .onConflict((oc) => oc.columns(['ticket_id', 'user_id']).doUpdateSet({ composing, seen_at: new Date() }))
    .execute();
  return db
    .selectFrom('ticket_presence')
    .innerJoin('app_user', 'app_user.id', 'ticket_presence.user_id')
    .select(['app_user.id as userId', 'app_user.display_name as displayName', 'ticket_presence.composing'])
    .where('ticket_presence.ticket_id', '=', ticketId)
    .where('ticket_presence.user_id', '<>', userId)
    .where('ticket_presence.seen_at', '>', new Date(Date.now() - 60_000))
    .limit(20)
    .execute();
}
