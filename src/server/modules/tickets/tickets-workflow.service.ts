import type { Kysely } from 'kysely';
import { localise } from '../../../shared/localise.ts';
import { canTransition, PAUSED_STATUSES, type TicketStatus } from '../../../shared/tickets/ticket-status.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { linkToMessage } from '../attachments/attachments.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { mentionedUsers, notifyUsers } from '../notifications/notifications.service.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { runTicketFinishedHooks } from '../registry.ts';
import { clockOf, shiftAfterPause } from './sla.ts';
import { mayWriteMessage, requireMay } from './tickets.policy.ts';
import * as q from './tickets.queries.ts';
import { findVisibleTicket } from './tickets.service.ts';
import { TICKETS_TEXTS } from './tickets.texts.ts';

type LockedTicket = NonNullable<Awaited<ReturnType<typeof q.lockTicket>>>;

/**
 * Applies one step of the flow of SPEC §1 to a locked request, keeping the SLA clocks right (paused while
 * waiting on the customer). `ctx` is null for steps the system takes (a customer's reply reopening a request).
 */
async function applyTransition(
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
    const policy = await q.findSlaPolicy(trx, current.sla_policy_id);
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
    const messageId = await q.insertMessage(trx, {
      ticket_id: current.id,
      kind: 'public',
      channel: input.channel,
      author_contact_id: input.contactId,
      body: input.body,
      search_terms: q.termsVector(input.body),
      created_at: now,
    });
    await linkToMessage(trx, current.id, messageId, input.attachmentIds ?? []);
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
  const messageId = await q.insertMessage(trx, {
    ticket_id: id,
    kind: input.kind,
    channel: input.kind === 'public' ? current.channel : null,
    author_user_id: ctx.actor.userId,
    body: input.body,
    search_terms: q.termsVector(input.body),
    created_at: now,
  });
  await linkToMessage(trx, id, messageId, input.attachmentIds ?? []);
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
      const lead = await q.teamLeadOf(trx, t.team_id);
      await notifyUsers(
        trx,
        [t.assignee_id ?? 0, lead ?? 0],
        'sla.breached',
        {
          'ticket.number': t.number,
          'ticket.subject': t.subject,
          // Stored without an actor: the organisation's language.
          clock: localise(TICKETS_TEXTS, firstResponse ? 'clockFirstResponse' : 'clockResolution', 'zh-CN'),
          priority: raise[t.priority] ?? t.priority,
        },
        `/tickets/${t.id}`,
      );
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
