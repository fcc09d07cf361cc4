import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { TICKET_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, can, contextOf } from '../../http/context.ts';
import { findTicket, type TicketScope } from './tickets.queries.ts';
import { assignTicket } from './tickets.service.ts';
import { updateTicket } from './tickets.update.ts';
import { transitionTicket } from './tickets.workflow.ts';

const scopeOf = (actor: Actor | null): TicketScope => ({
  all: can(actor, 'ticket.read_all'),
  userId: actor?.userId ?? 0,
});

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
        const scope = scopeOf(request.actor);
        if (body.action === 'assign' && !can(request.actor, 'ticket.assign')) throw forbidden();
        const results = [];
        for (const id of [...new Set(body.ids)]) {
          try {
            if (body.action === 'assign')
              await assignTicket(deps.db, ctx, scope, id, {
                assigneeId: body.assigneeId,
                reason: body.reason,
              });
            else if (body.action === 'status')
              await transitionTicket(deps.db, ctx, scope, id, { status: body.status, reason: body.reason });
            else {
              const ticket = await findTicket(deps.db, id, scope);
              if (!ticket) throw notFound();
              const tags = [
                ...new Set([...ticket.tags.filter((t) => !body.remove.includes(t)), ...body.add]),
              ];
              await updateTicket(deps.db, ctx, scope, id, { tags });
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
      async (request) => {
        if (!(await findTicket(deps.db, request.params.id, scopeOf(request.actor)))) throw notFound();
        const rows = await deps.db
          .selectFrom('ticket_event')
          .leftJoin('app_user', 'app_user.id', 'ticket_event.actor_user_id')
          .select([
            'ticket_event.id',
            'ticket_event.kind',
            'ticket_event.occurred_at',
            'ticket_event.data',
            'app_user.display_name',
          ])
          .where('ticket_event.ticket_id', '=', request.params.id)
          .orderBy('ticket_event.id')
          .limit(500)
          .execute();
        return rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          occurredAt: r.occurred_at.toISOString(),
          actorName: r.display_name,
          data: r.data as Record<string, unknown>,
        }));
      },
    );
  };
}
