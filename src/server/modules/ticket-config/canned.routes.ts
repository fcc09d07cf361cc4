import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { cannedCreate, cannedUpdate, cannedView } from '../../../shared/schemas/ticket-config.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import { printOrganisation } from '../organisation/organisation.service.ts';
import { findVisibleTicket } from '../tickets/tickets.service.ts';
import {
  deleteCanned,
  findVisibleCanned,
  listCanned,
  presentCanned,
  renderCanned,
  saveCanned,
} from './canned.service.ts';

export function cannedRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['canned responses'];
    app.get(
      '/api/v1/canned-responses',
      {
        config: { permission: 'ticket.update' },
        schema: {
          tags,
          querystring: z.object({ q: z.string().max(100).optional() }),
          response: { 200: z.array(cannedView) },
        },
      },
      async (request) => {
        const tsQuery = request.query.q ? buildTsQuery(request.query.q) : null;
        if (request.query.q && !tsQuery) return [];
        return (await listCanned(deps.db, request.actor!, tsQuery)).map(presentCanned);
      },
    );
    app.post(
      '/api/v1/canned-responses',
      {
        config: { permission: 'ticket.update', idempotent: true },
        schema: { tags, body: cannedCreate, response: { 201: cannedView } },
      },
      async (request, reply) =>
        reply.status(201).send(await saveCanned(deps.db, contextOf(request), null, request.body)),
    );
    app.patch(
      '/api/v1/canned-responses/:id',
      {
        config: { permission: 'ticket.update' },
        schema: { tags, params: idParam, body: cannedUpdate, response: { 200: cannedView } },
      },
      async (request) => saveCanned(deps.db, contextOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/canned-responses/:id',
      {
        config: { permission: 'ticket.update' },
        schema: { tags, params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await deleteCanned(deps.db, contextOf(request), request.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/v1/tickets/:id/canned-responses/:cannedId',
      {
        config: { permission: 'ticket.update' },
        schema: {
          tags,
          params: z.object({
            id: z.coerce.number().int().positive(),
            cannedId: z.coerce.number().int().positive(),
          }),
          response: { 200: z.object({ body: z.string() }) },
        },
      },
      async (request) => {
        const actor = request.actor!;
        const ticket = await findVisibleTicket(deps.db, actor, request.params.id);
        const canned = await findVisibleCanned(deps.db, actor, request.params.cannedId);
        const org = await printOrganisation(deps.db);
        const due = ticket.resolution_due_at
          ? new Intl.DateTimeFormat(request.locale, {
              timeZone: org.timeZone,
              dateStyle: 'medium',
              timeStyle: 'short',
            }).format(ticket.resolution_due_at)
          : null;
        return {
          body: renderCanned(canned.body, {
            'customer.name': ticket.customer_name,
            'contact.name': ticket.contact_name,
            'ticket.number': ticket.number,
            'ticket.subject': ticket.subject,
            'ticket.resolutionDue': due,
            'agent.name': actor.displayName,
            'organisation.name': org.name,
          }),
        };
      },
    );
  };
}
