import type { Kysely } from 'kysely';
import { canTransition, PAUSED_STATUSES, type TicketStatus } from '../../../shared/tickets/ticket-status.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { runTicketFinishedHooks } from '../registry.ts';
import { clockOf, shiftAfterPause } from './sla.ts';
import * as q from './tickets.queries.ts';
import { findVisibleTicket } from './tickets.service.ts';
import { findSlaPolicy } from './tickets-sla.queries.ts';

/**
 * The flow of a request (SPEC §1): its status moves, by staff or by the system. Messages, which may move
 * it too, are in tickets-messages.service.ts; SLA breaches in sla-breaches.service.ts.
 */

type LockedTicket = NonNullable<Awaited<ReturnType<typeof q.lockTicket>>>;

/**
 * Applies one step of the flow of SPEC §1 to a locked request, keeping the SLA clocks right (paused while
 * waiting on the customer). `ctx` is null for steps the system takes (a customer's reply reopening a request).
 */
export async function applyTransition(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  current: LockedTicket,
  input: { status: TicketStatus; reason?: string | null | undefined },
  now: Date,
) {
  const from = current.status as TicketStatus;
  if (!canTransition(from, input.status))
    throw new AppError('INVALID_TRANSITION', { from, to: input.status });
  const reopening =
    (from === 'resolved' || from === 'revisited' || from === 'closed') && input.status === 'in_progress';
  const closingUnresolved = input.status === 'closed' && !current.resolved_at;
  if ((reopening || closingUnresolved) && !input.reason?.trim()) {
    throw new AppError('REASON_REQUIRED', { issues: [{ field: 'reason', message: 'REASON_REQUIRED' }] });
  }

  const patch: Parameters<typeof q.updateTicketRow>[2] = { status: input.status };
  const wasPaused = PAUSED_STATUSES.includes(from);
  const pausing = PAUSED_STATUSES.includes(input.status);
  if (!wasPaused && pausing) patch.sla_paused_at = now;
  if (wasPaused && !pausing && current.sla_paused_at && current.sla_policy_id) {
    const policy = await findSlaPolicy(trx, current.sla_policy_id);
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
      patch.resolution_due_at = shiftAfterPause(clock, current.sla_paused_at, now, current.resolution_due_at);
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
  await q.updateTicketRow(trx, current.id, patch);
  await q.insertEvent(trx, {
    ticket_id: current.id,
    actor_user_id: ctx?.actor.userId ?? null,
    kind: 'status',
    data: JSON.stringify({ from, to: input.status, reason: input.reason ?? null }),
  });
  await recordAudit(trx, ctx, {
    action: 'ticket.transition',
    entityType: 'ticket',
    entityId: current.id,
    entityLabel: current.number,
    changes: [
      { field: 'status', before: from, after: input.status },
      ...(input.reason ? [{ field: 'reason', before: null, after: input.reason }] : []),
    ],
  });
  if (input.status === 'resolved' || input.status === 'closed')
    await runTicketFinishedHooks(input.status, trx, ctx, current.id);
}

/**
 * Closes a request whose business record finished (a complaint closed): resolved first when work was
 * under way, then closed, each step through the same flow rules. Already closed stays as it is.
 */
export async function finishTicketIn(
  trx: Kysely<DB>,
  ctx: RequestContext | null,
  id: number,
  reason: string,
  now = new Date(),
) {
  let current = await q.lockTicket(trx, id);
  if (!current || current.status === 'closed') return;
  if (canTransition(current.status as TicketStatus, 'resolved')) {
    await applyTransition(trx, ctx, current, { status: 'resolved', reason }, now);
    current = (await q.lockTicket(trx, id))!;
  }
  await applyTransition(trx, ctx, current, { status: 'closed', reason }, now);
}

/** A staff member moves a request they can see along the flow. */
export async function transitionTicket(
  db: Database,
  ctx: RequestContext,
  id: number,
  input: { status: TicketStatus; reason?: string | null | undefined },
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    await findVisibleTicket(trx, ctx.actor, id);
    await applyTransition(trx, ctx, (await q.lockTicket(trx, id))!, input, now);
  });
}
