import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { TICKET_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { mayAssign, requireMay } from './tickets.policy.ts';
import { presentEvent } from './tickets.presenter.ts';
import { assignTicket, eventsOf, findVisibleTicket } from './tickets.service.ts';
import { updateTicket } from './tickets-update.service.ts';
import { transitionTicket } from './tickets-workflow.service.ts';

const bulkAction = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    assigneeId: z.number().int().positive().nullable(),
    reason: z.string().trim().max(500).nullish(),
  }),
  z.object({
    action: z.literal('status'),
    status: z.enum(TICKET_STATUSES),
    reason: z.string().trim().max(500).nullish(),
  }),
  z.object({
    action: z.literal('tag'),
    add: z.array(z.string().trim().min(1).max(50)).max(10).default([]),
    remove: z.array(z.string().trim().min(1).max(50)).max(10).default([]),
  }),
]);

/**
 * Bulk actions from the request list. Each request goes through the same service as a single edit, in
 * its own transaction, so one refusal (a step not allowed from its status) does not undo the others;
 * the answer says, per request, what happened.
 */
export function ticketBulkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/tickets/bulk',
      {
        config: { permission: 'ticket.update' },
        schema: {
          tags: ['tickets'],
          body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(100) }).and(bulkAction),
          response: {
            200: z.object({
              results: z.array(z.object({ id: z.number(), ok: z.boolean(), code: z.string().nullable() })),
            }),
          },
        },
      },
      async (request) => {
        const body = request.body;
        const ctx = contextOf(request);
        if (body.action === 'assign') requireMay(mayAssign(request.actor));
        const results = [];
        for (const id of [...new Set(body.ids)]) {
          try {
            if (body.action === 'assign')
              await assignTicket(deps.db, ctx, id, {
                assigneeId: body.assigneeId,
                reason: body.reason,
              });
            else if (body.action === 'status')
              await transitionTicket(deps.db, ctx, id, { status: body.status, reason: body.reason });
            else {
              const ticket = await findVisibleTicket(deps.db, request.actor, id);
              const tags = [
                ...new Set([...ticket.tags.filter((t) => !body.remove.includes(t)), ...body.add]),
              ];
              await updateTicket(deps.db, ctx, id, { tags });
            }
            results.push({ id, ok: true, code: null });
            void deps.live.publish({ topic: 'tickets', id });
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            results.push({ id, ok: false, code: error.code });
          }
        }
        return { results };
      },
    );

    app.get(
      '/api/v1/tickets/:id/events',
      {
        config: { permission: 'ticket.read' },
        schema: {
          tags: ['tickets'],
          params: idParam,
          response: {
            200: z.array(
              z.object({
                id: z.number(),
                kind: z.string(),
                occurredAt: z.string(),
                actorName: z.string().nullable(),
                data: z.record(z.string(), z.unknown()),
              }),
            ),
          },
        },
      },
      async (request) => (await eventsOf(deps.db, request.actor, request.params.id)).map(presentEvent),
    );
  };
}
