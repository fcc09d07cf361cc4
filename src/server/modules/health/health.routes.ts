import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { databaseAnswers } from './health.service.ts';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['health'],
          response: {
            200: z.object({
              status: z.literal('ok'),
              db: z.enum(['embedded', 'external']),
              version: z.string(),
            }),
            503: z.object({
              status: z.literal('unavailable'),
              db: z.enum(['embedded', 'external']),
              version: z.string(),
            }),
          },
        },
      },
      async (_request, reply) => {
        if (await databaseAnswers(deps.db))
          return { status: 'ok' as const, db: deps.dbMode, version: deps.version };
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, db: deps.dbMode, version: deps.version });
      },
    );
  };
}
