import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  callCreate,
  callerLookup,
  callListQuery,
  callView,
  telephonyEvent,
} from '../../../shared/schemas/calls.ts';
import { cursorPageOf, idParam, okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { can, contextOf } from '../../http/context.ts';
import { findTicket } from '../tickets/tickets.queries.ts';
import * as q from './calls.queries.ts';
import { attachCallToTicket, logCall, presentCall, recordTelephonyEvent } from './calls.service.ts';

export function callsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calls'];
    app.get(
      '/api/v1/calls',
      {
        config: { permission: 'call.read' },
        schema: { tags, querystring: callListQuery, response: { 200: cursorPageOf(callView) } },
      },
      async (request) => {
        const rows = await q.listCalls(deps.db, request.query);
        const page = rows.slice(0, request.query.limit);
        return {
          items: page.map(presentCall),
          nextCursor: rows.length > request.query.limit ? String(page.at(-1)?.id) : null,
        };
      },
    );
    app.post(
      '/api/v1/calls',
      { config: { permission: 'call.log' }, schema: { tags, body: callCreate, response: { 201: callView } } },
      async (request, reply) => {
        const id = await logCall(deps.db, contextOf(request), request.body);
        void deps.live.publish({ topic: 'calls', id });
        return reply.status(201).send(presentCall((await q.findCall(deps.db, id))!));
      },
    );
    app.post(
      '/api/v1/calls/:id/ticket',
      {
        config: { permission: 'call.log' },
        schema: {
          tags,
          params: idParam,
          body: z.object({ ticketId: z.number().int().positive() }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const actor = request.actor!;
        if (
          !(await findTicket(deps.db, request.body.ticketId, {
            all: can(actor, 'ticket.read_all'),
            userId: actor.userId,
          }))
        )
          throw notFound();
        await attachCallToTicket(deps.db, contextOf(request), request.params.id, request.body.ticketId);
        return { ok: true as const };
      },
    );
    // Screen-pop: who is calling, their open requests and how often they called lately.
    app.get(
      '/api/v1/calls/lookup',
      {
        config: { permission: 'call.read' },
        schema: {
          tags,
          querystring: z.object({ number: z.string().trim().min(3).max(40) }),
          response: { 200: callerLookup },
        },
      },
      async (request) => {
        const contact = await q.contactByNumber(deps.db, request.query.number);
        if (!contact) return { contact: null, openTickets: [], recentCalls: 0 };
        return {
          contact: {
            id: contact.id,
            name: contact.name,
            customerId: contact.customer_id,
            customerName: contact.customer_name,
          },
          openTickets: await q.openTicketsOf(deps.db, contact.id, contact.customer_id),
          recentCalls: await q.countRecentCalls(deps.db, contact.id),
        };
      },
    );
    app.post(
      '/api/v1/telephony/events',
      {
        config: { permission: 'call.log' },
        schema: { tags, body: telephonyEvent, response: { 200: z.object({ callId: z.number() }) } },
      },
      async (request) => {
        const { id } = await recordTelephonyEvent(deps.db, contextOf(request), request.body);
        void deps.live.publish({ topic: request.body.event === 'ringing' ? 'call-ringing' : 'calls', id });
        return { callId: id };
      },
    );
  };
}
