import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicRequest } from '../../../shared/schemas/portal.ts';
import type { AppDeps } from '../../app-deps.ts';
import { submitPublicRequest } from './public-form.service.ts';

/** The public request form for people without an account (abuse checks in public-form.service.ts). */
export function publicFormRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
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
        const created = await submitPublicRequest(deps.db, request.body, request.ip);
        if (created) void deps.live.publish({ topic: 'tickets', id: created.id });
        return reply.status(202).send({ number: created?.number ?? null });
      },
    );
  };
}
