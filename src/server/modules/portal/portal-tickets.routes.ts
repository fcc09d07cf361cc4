import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import {
  portalMessageView,
  portalRating,
  portalTicketCreate,
  portalTicketView,
} from '../../../shared/schemas/portal.ts';
import type { AppDeps } from '../../app-deps.ts';
import {
  getOwnRequest,
  listOwnRequestMessages,
  listOwnRequests,
  listPortalTypes,
  rateOwnRequest,
  replyToOwnRequest,
  submitRequest,
} from './portal-tickets.service.ts';

/** The customer's own requests: a contact sees only the requests they raised (portal.policy.ts). */
export function portalTicketsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['portal'];
    const portal = { permission: 'portal' as const };
    const changed = (id: number) => void deps.live.publish({ topic: 'tickets', id });

    app.get(
      '/api/portal/tickets',
      {
        config: portal,
        schema: {
          tags,
          querystring: z.object({
            cursor: z.string().max(30).optional(),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: {
            200: z.object({ items: z.array(portalTicketView), nextCursor: z.string().nullable() }),
          },
        },
      },
      async (request) => listOwnRequests(deps.db, request.portal!, request.query),
    );

    app.get(
      '/api/portal/tickets/:id',
      { config: portal, schema: { tags, params: idParam, response: { 200: portalTicketView } } },
      async (request) => getOwnRequest(deps.db, request.portal!, request.params.id),
    );

    app.get(
      '/api/portal/tickets/:id/messages',
      { config: portal, schema: { tags, params: idParam, response: { 200: z.array(portalMessageView) } } },
      async (request) => listOwnRequestMessages(deps.db, request.portal!, request.params.id),
    );

    app.post(
      '/api/portal/tickets',
      {
        config: { ...portal, idempotent: true },
        schema: { tags, body: portalTicketCreate, response: { 201: portalTicketView } },
      },
      async (request, reply) => {
        const created = await submitRequest(deps.db, request.portal!, request.body, request.locale);
        changed(created.id);
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/api/portal/tickets/:id/messages',
      {
        config: { ...portal, idempotent: true },
        schema: {
          tags,
          params: idParam,
          body: z.object({
            body: z.string().trim().min(1).max(20_000),
            attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
          }),
          response: {
            201: z.object({ id: z.number(), reopened: z.boolean(), tooLateToReopen: z.boolean() }),
          },
        },
      },
      async (request, reply) => {
        const result = await replyToOwnRequest(deps.db, request.portal!, request.params.id, request.body);
        changed(request.params.id);
        return reply
          .status(201)
          .send({ id: result.messageId, reopened: result.reopened, tooLateToReopen: result.tooLateToReopen });
      },
    );

    app.post(
      '/api/portal/tickets/:id/rating',
      {
        config: portal,
        schema: { tags, params: idParam, body: portalRating, response: { 200: okResponse } },
      },
      async (request) => {
        await rateOwnRequest(deps.db, request.portal!, request.params.id, request.body);
        changed(request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/portal/ticket-types',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          response: {
            200: z.array(
              z.object({ id: z.number(), code: z.string(), label: z.record(z.string(), z.string()) }),
            ),
          },
        },
      },
      async () => listPortalTypes(deps.db),
    );
  };
}
