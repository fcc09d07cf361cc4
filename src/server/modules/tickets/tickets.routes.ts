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
import { searchWithPlanGuard } from '../../db/search-plan.ts';
import { forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can, contextOf } from '../../http/context.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import { queueReplyEmail } from '../email/outbound.ts';
import { presentTicket } from './tickets.presenter.ts';
import { cursorAfter, findTicket, listMessages, listTickets, type TicketScope } from './tickets.queries.ts';
import { assignTicket, createTicket } from './tickets.service.ts';
import { updateTicket } from './tickets.update.ts';
import { addTicketMessage, transitionTicket } from './tickets.workflow.ts';

const scopeOf = (actor: Actor | null): TicketScope => ({
  all: can(actor, 'ticket.read_all'),
  userId: actor?.userId ?? 0,
});
const localised = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });

export function ticketsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const load = async (id: number, scope: TicketScope) => {
      const row = await findTicket(deps.db, id, scope);
      if (!row) throw notFound();
      return presentTicket(row);
    };
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
        const rows = await deps.db
          .selectFrom('ticket_type')
          .select(['id', 'code', 'label'])
          .where('is_active', '=', true)
          .orderBy('sort_order')
          .limit(200)
          .execute();
        return rows.map((r) => ({ id: r.id, code: r.code, label: r.label as z.infer<typeof localised> }));
      },
    );

    app.post(
      '/api/v1/tickets',
      {
        config: { permission: 'ticket.create' },
        schema: { tags: ['tickets'], body: ticketCreate, response: { 201: ticketView } },
      },
      async (request, reply) => {
        const id = await createTicket(deps.db, contextOf(request), request.body);
        changed(id);
        return reply.status(201).send(await load(id, { all: true, userId: 0 }));
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
      async (request) => {
        const tsQuery = request.query.q ? buildTsQuery(request.query.q) : null;
        if (request.query.q && !tsQuery) return { items: [], nextCursor: null };
        const filter = { ...request.query, tsQuery };
        const rows = tsQuery
          ? await searchWithPlanGuard(deps.db, (db) => listTickets(db, filter, scopeOf(request.actor)))
          : await listTickets(deps.db, filter, scopeOf(request.actor));
        const page = rows.slice(0, request.query.limit);
        return {
          items: page.map((row) => presentTicket(row)),
          nextCursor:
            rows.length > request.query.limit && page.length
              ? cursorAfter(page.at(-1)!, request.query.sort)
              : null,
        };
      },
    );

    app.get(
      '/api/v1/tickets/:id',
      {
        config: { permission: 'ticket.read' },
        schema: { tags: ['tickets'], params: idParam, response: { 200: ticketView } },
      },
      async (request) => load(request.params.id, scopeOf(request.actor)),
    );

    app.patch(
      '/api/v1/tickets/:id',
      {
        config: { permission: 'ticket.update' },
        schema: { tags: ['tickets'], params: idParam, body: ticketUpdate, response: { 200: ticketView } },
      },
      async (request) => {
        await updateTicket(
          deps.db,
          contextOf(request),
          scopeOf(request.actor),
          request.params.id,
          request.body,
        );
        changed(request.params.id);
        return load(request.params.id, scopeOf(request.actor));
      },
    );

    app.post(
      '/api/v1/tickets/:id/transition',
      {
        config: { permission: 'ticket.update' },
        schema: { tags: ['tickets'], params: idParam, body: ticketTransition, response: { 200: ticketView } },
      },
      async (request) => {
        await transitionTicket(
          deps.db,
          contextOf(request),
          scopeOf(request.actor),
          request.params.id,
          request.body,
        );
        changed(request.params.id);
        return load(request.params.id, scopeOf(request.actor));
      },
    );

    app.post(
      '/api/v1/tickets/:id/assign',
      {
        config: { permission: 'ticket.assign' },
        schema: { tags: ['tickets'], params: idParam, body: ticketAssign, response: { 200: ticketView } },
      },
      async (request) => {
        await assignTicket(
          deps.db,
          contextOf(request),
          scopeOf(request.actor),
          request.params.id,
          request.body,
        );
        changed(request.params.id);
        return load(request.params.id, { all: true, userId: 0 });
      },
    );

    app.get(
      '/api/v1/tickets/:id/messages',
      {
        config: { permission: 'ticket.read' },
        schema: { tags: ['tickets'], params: idParam, response: { 200: z.array(ticketMessageView) } },
      },
      async (request) => {
        await load(request.params.id, scopeOf(request.actor));
        const rows = await listMessages(deps.db, request.params.id, true);
        return rows.map((m) => ({
          id: m.id,
          kind: m.kind,
          channel: m.channel,
          authorUserId: m.author_user_id,
          authorName: m.author_name,
          body: m.body,
          createdAt: m.created_at.toISOString(),
        }));
      },
    );

    app.post(
      '/api/v1/tickets/:id/messages',
      {
        config: { permission: 'ticket.update' },
        schema: {
          tags: ['tickets'],
          params: idParam,
          body: ticketMessageCreate,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        if (request.body.kind === 'public' && !can(request.actor, 'ticket.reply')) throw forbidden();
        const id = await addTicketMessage(
          deps.db,
          contextOf(request),
          scopeOf(request.actor),
          request.params.id,
          request.body,
        );
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
