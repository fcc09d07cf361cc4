import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { callCreate, callListQuery, telephonyEvent } from '../../../shared/schemas/calls.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { invalid } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findContact } from '../customers/contacts.queries.ts';
import { scopeOf as ticketScopeOf } from '../tickets/tickets.policy.ts';
import { findTicket } from '../tickets/tickets.queries.ts';
import { findVisibleTicket } from '../tickets/tickets.service.ts';
import { requireVisible, scopeOf } from './calls.policy.ts';
import * as q from './calls.queries.ts';

type CallListQuery = z.infer<typeof callListQuery>;

/** One page (limit + 1 rows) of the call log the actor may see. */
export function listVisibleCalls(db: Kysely<DB>, actor: Actor, query: CallListQuery) {
  return q.listCalls(db, scopeOf(actor), query);
}

export async function findVisibleCall(db: Kysely<DB>, actor: Actor, id: number) {
  return requireVisible(actor, await q.findCall(db, id));
}

/** Screen-pop: who is calling, their open requests and how often they called lately. */
export async function lookupCaller(db: Kysely<DB>, actor: Actor, number: string) {
  const contact = await q.contactByNumber(db, number);
  if (!contact) return { contact: null, openTickets: [], recentCalls: 0 };
  return {
    contact: {
      id: contact.id,
      name: contact.name,
      customerId: contact.customer_id,
      customerName: contact.customer_name,
    },
    openTickets: await q.openTicketsOf(db, ticketScopeOf(actor), contact.id, contact.customer_id),
    recentCalls: await q.countRecentCalls(db, contact.id),
  };
}

/** An agent records a call; the caller is matched to a contact by number when not given. */
export async function logCall(
  db: Database,
  ctx: RequestContext,
  input: z.infer<typeof callCreate>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const contact = input.contactId
      ? await findContact(trx, input.contactId)
      : await q.contactByNumber(trx, input.number);
    if (input.contactId && !contact) throw invalid('VALIDATION_FAILED', 'contactId');
    // A call is linked only to a request the agent may see; a hidden one is as unknown as a missing one.
    if (input.ticketId && !(await findTicket(trx, input.ticketId, ticketScopeOf(ctx.actor)))) {
      throw invalid('VALIDATION_FAILED', 'ticketId');
    }
    const startedAt = input.startedAt ? new Date(input.startedAt) : new Date();
    const id = await q.insertCall(trx, {
      direction: input.direction,
      number: input.number,
      contact_id: contact?.id ?? null,
      customer_id: contact?.customer_id ?? null,
      agent_user_id: ctx.actor.userId,
      ticket_id: input.ticketId ?? null,
      state: 'ended',
      started_at: startedAt,
      ended_at: input.durationSeconds ? new Date(startedAt.getTime() + input.durationSeconds * 1000) : null,
      duration_seconds: input.durationSeconds ?? null,
      purpose: input.purpose ?? null,
      result: input.result ?? null,
      notes: input.notes ?? null,
    });
    await recordAudit(trx, ctx, {
      action: 'call.log',
      entityType: 'call',
      entityId: id,
      entityLabel: input.number,
      after: { ...input, contactId: contact?.id ?? null },
    });
    return id;
  });
}

/** Links a call to the request created from it or about it; the request must be visible to the actor. */
export async function attachCallToTicket(
  db: Database,
  ctx: RequestContext,
  callId: number,
  ticketId: number,
) {
  await db.transaction().execute(async (trx) => {
    await findVisibleTicket(trx, ctx.actor, ticketId);
    const call = await findVisibleCall(trx, ctx.actor, callId);
    await q.updateCall(trx, callId, { ticket_id: ticketId, result: call.result ?? 'ticket_created' });
    await recordAudit(trx, ctx, {
      action: 'call.link_ticket',
      entityType: 'call',
      entityId: callId,
      changes: [{ field: 'ticketId', before: call.ticket_id, after: ticketId }],
    });
  });
}

/**
 * A telephony system's call event (CTI). Events for one call id build one record; a ringing inbound call
 * is announced live so the agent's screen can pop the caller's file.
 */
export async function recordTelephonyEvent(
  db: Database,
  ctx: RequestContext,
  e: z.infer<typeof telephonyEvent>,
) {
  return db.transaction().execute(async (trx) => {
    const at = e.at ? new Date(e.at) : new Date();
    const agent = e.agentUsername ? await q.userByUsername(trx, e.agentUsername) : undefined;
    const existing = await q.findCallByExternalId(trx, e.callId);
    let id: number;
    if (!existing) {
      const contact = await q.contactByNumber(trx, e.number);
      id = await q.insertCall(trx, {
        external_id: e.callId,
        direction: e.direction,
        number: e.number,
        contact_id: contact?.id ?? null,
        customer_id: contact?.customer_id ?? null,
        agent_user_id: agent?.id ?? null,
        state: e.event,
        started_at: at,
        answered_at: e.event === 'answered' ? at : null,
        ended_at: e.event === 'ended' || e.event === 'missed' ? at : null,
        duration_seconds: e.durationSeconds ?? null,
      });
    } else {
      id = existing.id;
      await q.updateCall(trx, id, {
        state: e.event,
        agent_user_id: agent?.id ?? existing.agent_user_id,
        answered_at: e.event === 'answered' ? at : existing.answered_at,
        ended_at: e.event === 'ended' || e.event === 'missed' ? at : existing.ended_at,
        duration_seconds:
          e.durationSeconds ??
          (e.event === 'ended' && existing.answered_at
            ? Math.round((at.getTime() - existing.answered_at.getTime()) / 1000)
            : existing.duration_seconds),
      });
    }
    await recordAudit(trx, ctx, {
      action: `call.${e.event}`,
      entityType: 'call',
      entityId: id,
      entityLabel: e.number,
      changes: [{ field: 'state', before: existing?.state ?? null, after: e.event }],
    });
    return { id, agentUserId: agent?.id ?? existing?.agent_user_id ?? null };
  });
}
