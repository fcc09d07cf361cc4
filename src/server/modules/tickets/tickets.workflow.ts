import { sql } from 'kysely';
import { canTransition, PAUSED_STATUSES, type TicketStatus } from '../../../shared/tickets/ticket-status.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { indexTerms } from '../../search/text-search.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { clockOf, shiftAfterPause } from './sla.ts';
import * as q from './tickets.queries.ts';

/** Moves a request along the flow of SPEC §1, keeping the SLA clocks right (paused while waiting on the customer). */
export async function transitionTicket(
  db: Database,
  ctx: RequestContext,
  scope: q.TicketScope,
  id: number,
  input: { status: TicketStatus; reason?: string | null | undefined },
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    if (!(await q.findTicket(trx, id, scope))) throw notFound();
    const current = (await q.lockTicket(trx, id))!;
    const from = current.status as TicketStatus;
    if (!canTransition(from, input.status))
      throw new AppError('INVALID_TRANSITION', 409, { from, to: input.status });
    const reopening =
      (from === 'resolved' || from === 'revisited' || from === 'closed') && input.status === 'in_progress';
    const closingUnresolved = input.status === 'closed' && !current.resolved_at;
    if ((reopening || closingUnresolved) && !input.reason?.trim()) {
      throw new AppError('REASON_REQUIRED', 400, {
        issues: [{ field: 'reason', message: 'REASON_REQUIRED' }],
      });
    }

    const patch: Parameters<typeof q.updateTicketRow>[2] = { status: input.status };
    const wasPaused = PAUSED_STATUSES.includes(from);
    const pausing = PAUSED_STATUSES.includes(input.status);
    if (!wasPaused && pausing) patch.sla_paused_at = now;
    if (wasPaused && !pausing && current.sla_paused_at && current.sla_policy_id) {
      const policy = await trx
        .selectFrom('sla_policy')
        .selectAll()
        .where('id', '=', current.sla_policy_id)
        .executeTakeFirst();
      if (policy) {
        const clock = await clockOf(trx, policy, now);
        if (!current.first_responded_at) {
          patch.first_response_due_at = shiftAfterPause(
            clock,
            current.sla_paused_at,
            now,
            current.first_response_due_at,
          );
          patch.first_response_warn_at = shiftAfterPause(
            clock,
            current.sla_paused_at,
            now,
            current.first_response_warn_at,
          );
        }
        patch.resolution_due_at = shiftAfterPause(
          clock,
          current.sla_paused_at,
          now,
          current.resolution_due_at,
        );
        patch.resolution_warn_at = shiftAfterPause(
          clock,
          current.sla_paused_at,
          now,
          current.resolution_warn_at,
        );
      }
      patch.sla_paused_at = null;
    }
    if (input.status === 'resolved') {
      patch.resolved_at = now;
      if (current.resolution_due_at && now > current.resolution_due_at) patch.resolution_breached = true;
    }
    if (input.status === 'closed') patch.closed_at = now;
    if (reopening) {
      patch.resolved_at = null;
      patch.closed_at = null;
    }
    await q.updateTicketRow(trx, id, patch);
    await q.insertEvent(trx, {
      ticket_id: id,
      actor_user_id: ctx.actor.userId,
      kind: 'status',
      data: JSON.stringify({ from, to: input.status, reason: input.reason ?? null }),
    });
    await recordAudit(trx, ctx, {
      action: 'ticket.transition',
      entityType: 'ticket',
      entityId: id,
      entityLabel: current.number,
      changes: [
        { field: 'status', before: from, after: input.status },
        ...(input.reason ? [{ field: 'reason', before: null, after: input.reason }] : []),
      ],
    });
  });
}

/** A public reply (goes to the customer) or an internal note. The first public reply stops the first-response clock. */
export async function addTicketMessage(
  db: Database,
  ctx: RequestContext,
  scope: q.TicketScope,
  id: number,
  input: { kind: 'public' | 'internal'; body: string },
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    if (!(await q.findTicket(trx, id, scope))) throw notFound();
    const current = (await q.lockTicket(trx, id))!;
    const messageId = await q.insertMessage(trx, {
      ticket_id: id,
      kind: input.kind,
      channel: input.kind === 'public' ? current.channel : null,
      author_user_id: ctx.actor.userId,
      body: input.body,
      search_terms: sql`array_to_tsvector(${indexTerms(input.body)}::text[])`,
      created_at: now,
    });
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
    await recordAudit(trx, ctx, {
      action: input.kind === 'public' ? 'ticket.reply' : 'ticket.note',
      entityType: 'ticket',
      entityId: id,
      entityLabel: current.number,
      changes: [{ field: 'messageId', before: null, after: messageId }],
    });
    return messageId;
  });
}

/** Marks clocks that ran out, records the breach for KPIs and escalates (priority up one step). */
export async function recordSlaBreaches(db: Database, now = new Date()): Promise<number> {
  const overdue = await q.overdueTickets(db, now);
  const raise: Record<string, string> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };
  for (const t of overdue) {
    await db.transaction().execute(async (trx) => {
      const firstResponse =
        !t.first_response_breached &&
        !t.first_responded_at &&
        !!t.first_response_due_at &&
        t.first_response_due_at < now;
      const resolution = !t.resolution_breached && !!t.resolution_due_at && t.resolution_due_at < now;
      await q.updateTicketRow(trx, t.id, {
        first_response_breached: t.first_response_breached || firstResponse,
        resolution_breached: t.resolution_breached || resolution,
        priority: raise[t.priority] ?? t.priority,
      });
      for (const [clock, hit] of [
        ['first_response', firstResponse],
        ['resolution', resolution],
      ] as const) {
        if (hit) {
          await q.insertEvent(trx, {
            ticket_id: t.id,
            kind: 'sla.breached',
            data: JSON.stringify({ clock, priorityFrom: t.priority }),
          });
        }
      }
    });
  }
  return overdue.length;
}
