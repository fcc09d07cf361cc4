import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { publicRequest } from '../../../shared/schemas/portal.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  confirmByAgent,
  confirmByEmail,
  publicFormStart,
  submitPublicRequest,
} from './public-form.service.ts';

/**
 * The public request form for people without an account (abuse checks in public-form.service.ts), the
 * emailed link with which its sender confirms their address, and the agents' "confirm sender".
 */
export function publicFormRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/public/requests/form',
      {
        config: { permission: 'public' },
        schema: { tags: ['portal'], response: { 200: z.object({ formToken: z.string() }) } },
      },
      async (_request, reply) => reply.header('cache-control', 'no-store').send(publicFormStart()),
    );
    app.post(
      '/api/public/requests',
      {
        config: { permission: 'public', idempotent: true },
        schema: {
          tags: ['portal'],
          body: publicRequest,
          response: { 202: z.object({ number: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        const created = await submitPublicRequest(deps.db, deps.publicUrl, request.body, request.ip);
        if (created) void deps.live.publish({ topic: 'tickets', id: created.id });
        return reply.status(202).send({ number: created?.number ?? null });
      },
    );
    app.post(
      '/api/public/requests/confirm',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['portal'],
          body: z.object({ token: z.string().min(1).max(200) }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await confirmByEmail(deps.db, request.body.token);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/v1/tickets/:id/confirm-sender',
      {
        config: { permission: 'ticket.update' },
        schema: { tags: ['tickets'], params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await confirmByAgent(deps.db, contextOf(request), request.params.id);
        void deps.live.publish({ topic: 'tickets', id: request.params.id });
        return { ok: true as const };
      },
    );
  };
}
