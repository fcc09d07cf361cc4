import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  linksOfTicket,
  linkTickets,
  mergeTickets,
  splitTicket,
  touchPresence,
} from './tickets-relations.service.ts';

const linkView = z.object({
  id: z.number(),
  number: z.string(),
  subject: z.string(),
  status: z.string(),
  kind: z.string(),
  direction: z.enum(['out', 'in']),
});

export function ticketRelationsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['tickets'];
    const changed = (...ids: number[]) => {
      for (const id of ids) void deps.live.publish({ topic: 'tickets', id });
    };

    app.post(
      '/api/v1/tickets/:id/merge',
      {
        config: { permission: 'ticket.merge' },
        schema: {
          tags,
          params: idParam,
          body: z.object({ targetId: z.number().int().positive() }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await mergeTickets(deps.db, contextOf(request), request.params.id, request.body.targetId);
        changed(request.params.id, request.body.targetId);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/tickets/:id/split',
      {
        config: { permission: 'ticket.merge', idempotent: true },
        schema: {
          tags,
          params: idParam,
          body: z.object({
            messageIds: z.array(z.number().int().positive()).min(1).max(500),
            subject: z.string().trim().min(1).max(200),
          }),
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const id = await splitTicket(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id, id);
        return reply.status(201).send({ id });
      },
    );

    app.get(
      '/api/v1/tickets/:id/links',
      {
        config: { permission: 'ticket.read' },
        schema: { tags, params: idParam, response: { 200: z.array(linkView) } },
      },
      async (request) => linksOfTicket(deps.db, request.actor, request.params.id),
    );

    const linkBody = z.object({ relatedId: z.number().int().positive() });
    app.post(
      '/api/v1/tickets/:id/links',
      {
        config: { permission: 'ticket.update' },
        schema: { tags, params: idParam, body: linkBody, response: { 200: okResponse } },
      },
      async (request) => {
        await linkTickets(deps.db, contextOf(request), request.params.id, request.body.relatedId);
        return { ok: true as const };
      },
    );
    app.delete(
      '/api/v1/tickets/:id/links/:relatedId',
      {
        config: { permission: 'ticket.update' },
        schema: {
          tags,
          params: z.object({
            id: z.coerce.number().int().positive(),
            relatedId: z.coerce.number().int().positive(),
          }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await linkTickets(deps.db, contextOf(request), request.params.id, request.params.relatedId, true);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/tickets/:id/presence',
      {
        config: { permission: 'ticket.read' },
        schema: {
          tags,
          params: idParam,
          body: z.object({ composing: z.boolean().default(false) }),
          response: {
            200: z.object({
              others: z.array(
                z.object({ userId: z.number(), displayName: z.string(), composing: z.boolean() }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const others = await touchPresence(
          deps.db,
          request.actor!,
          request.params.id,
          request.body.composing,
        );
        if (request.body.composing)
          void deps.live.publish({ topic: 'ticket-presence', id: request.params.id });
        return { others };
      },
    );
  };
}
