import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorPageOf, idParam } from '../../../shared/schemas/common.ts';
import {
  ticketAssign,
  ticketCreate,
  ticketListQuery,
  ticketMessageCreate,
  ticketMessageView,
  ticketTransition,
  ticketUpdate,
  ticketView,
} from '../../../shared/schemas/tickets.ts';
import type { AppDeps } from '../../app-deps.ts';
import { type Actor, contextOf } from '../../http/context.ts';
import { queueReplyEmail } from '../email/outbound.ts';
import { presentMessage, presentTicket } from './tickets.presenter.ts';
import {
  activeTicketTypes,
  assignTicket,
  createTicket,
  findVisibleTicket,
  messagesOf,
  readTicket,
  visibleTicketPage,
} from './tickets.service.ts';
import { addTicketMessage } from './tickets-messages.service.ts';
import { updateTicket } from './tickets-update.service.ts';
import { transitionTicket } from './tickets-workflow.service.ts';

const localised = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });

export function ticketsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const load = async (id: number, actor: Actor | null) =>
      presentTicket(await findVisibleTicket(deps.db, actor, id));
    // After a write the actor may no longer see the request (assigned away): show the outcome anyway.
    const outcome = async (id: number) => presentTicket(await readTicket(deps.db, id));
    const changed = (id: number) => void deps.live.publish({ topic: 'tickets', id });

    app.get(
      '/api/v1/ticket-types',
      {
        config: { permission: 'ticket.read' },
        schema: {
          tags: ['tickets'],
          response: { 200: z.array(z.object({ id: z.number(), code: z.string(), label: localised })) },
        },
      },
      async () => {
        const rows = await activeTicketTypes(deps.db);
        return rows.map((r) => ({ id: r.id, code: r.code, label: r.label as z.infer<typeof localised> }));
      },
    );

    app.post(
      '/api/v1/tickets',
      {
        config: { permission: 'ticket.create', idempotent: true },
        schema: { tags: ['tickets'], body: ticketCreate, response: { 201: ticketView } },
      },
      async (request, reply) => {
        const id = await createTicket(deps.db, contextOf(request), request.body);
        changed(id);
        return reply.status(201).send(await outcome(id));
      },
    );

    app.get(
      '/api/v1/tickets',
      {
        config: { permission: 'ticket.read' },
        schema: {
          tags: ['tickets'],
          querystring: ticketListQuery,
          response: { 200: cursorPageOf(ticketView) },
        },
      },
      async (request) => visibleTicketPage(deps.db, request.actor, request.query),
    );

    app.get(
      '/api/v1/tickets/:id',
      {
        config: { permission: 'ticket.read' },
        schema: { tags: ['tickets'], params: idParam, response: { 200: ticketView } },
      },
      async (request) => load(request.params.id, request.actor),
    );

    app.patch(
      '/api/v1/tickets/:id',
      {
        config: { permission: 'ticket.update' },
        schema: { tags: ['tickets'], params: idParam, body: ticketUpdate, response: { 200: ticketView } },
      },
      async (request) => {
        await updateTicket(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return load(request.params.id, request.actor);
      },
    );

    app.post(
      '/api/v1/tickets/:id/transition',
      {
        config: { permission: 'ticket.update' },
        schema: { tags: ['tickets'], params: idParam, body: ticketTransition, response: { 200: ticketView } },
      },
      async (request) => {
        await transitionTicket(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return load(request.params.id, request.actor);
      },
    );

    app.post(
      '/api/v1/tickets/:id/assign',
      {
        config: { permission: 'ticket.assign' },
        schema: { tags: ['tickets'], params: idParam, body: ticketAssign, response: { 200: ticketView } },
      },
      async (request) => {
        await assignTicket(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return outcome(request.params.id);
      },
    );

    app.get(
      '/api/v1/tickets/:id/messages',
      {
        config: { permission: 'ticket.read' },
        schema: { tags: ['tickets'], params: idParam, response: { 200: z.array(ticketMessageView) } },
      },
      async (request) => (await messagesOf(deps.db, request.actor, request.params.id)).map(presentMessage),
    );

    app.post(
      '/api/v1/tickets/:id/messages',
      {
        config: { permission: 'ticket.update', idempotent: true },
        schema: {
          tags: ['tickets'],
          params: idParam,
          body: ticketMessageCreate,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const id = await addTicketMessage(deps.db, contextOf(request), request.params.id, request.body);
        // Committed: a public reply on an email request goes out by mail (email.send job, with retries).
        if (request.body.kind === 'public') {
          await queueReplyEmail(deps.db, request.params.id, id).catch((error: unknown) =>
            request.log.error({ err: error }, 'queueing the reply email failed'),
          );
        }
        changed(request.params.id);
        return reply.status(201).send({ id });
      },
    );
  };
}
