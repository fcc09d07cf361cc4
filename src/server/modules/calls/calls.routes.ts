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
import { contextOf } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { maySeeSensitive } from './calls.policy.ts';
import { presentCall } from './calls.presenter.ts';
import {
  attachCallToTicket,
  findVisibleCall,
  listVisibleCalls,
  logCall,
  lookupCaller,
  recordTelephonyEvent,
} from './calls.service.ts';

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
        const rows = await listVisibleCalls(deps.db, request.actor!, request.query);
        const sensitive = maySeeSensitive(request.actor);
        return pageOf(rows, request.query.limit, (r) => presentCall(r, sensitive));
      },
    );
    app.post(
      '/api/v1/calls',
      {
        config: { permission: 'call.log', idempotent: true },
        schema: { tags, body: callCreate, response: { 201: callView } },
      },
      async (request, reply) => {
        const id = await logCall(deps.db, contextOf(request), request.body);
        void deps.live.publish({ topic: 'calls', id });
        const call = await findVisibleCall(deps.db, request.actor!, id);
        return reply.status(201).send(presentCall(call, maySeeSensitive(request.actor)));
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
      async (request) => lookupCaller(deps.db, request.actor!, request.query.number),
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
