import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { readHealth } from './health.service.ts';

const state = z.enum(['ok', 'down']);
const checks = z
  .object({
    database: state.describe('The database answers a query through the connection pool'),
    live: state.describe('Live updates: the LISTEN connection that hears other nodes is up'),
    outbound: state.describe('Outbound email/SMS: the LISTEN connection that sends at once is up'),
    jobs: state.describe('Background jobs (pg-boss) reach the database'),
  })
  .describe(
    'Each part this node runs; a lost connection comes back by itself (back-off up to 30 s) and turns ok again',
  );

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['health'],
          description: '200 when every check is ok; 503 while any is down (the database or a connection).',
          response: {
            200: z.object({
              status: z.literal('ok'),
              db: z.enum(['embedded', 'external']),
              version: z.string(),
              checks,
            }),
            503: z.object({
              status: z.literal('unavailable'),
              db: z.enum(['embedded', 'external']),
              version: z.string(),
              checks,
            }),
          },
        },
      },
      async (_request, reply) => {
        const health = await readHealth(deps);
        const about = { db: deps.dbMode, version: deps.version, checks: health.checks };
        if (health.healthy) return { status: 'ok' as const, ...about };
        return reply.status(503).send({ status: 'unavailable' as const, ...about });
      },
    );
  };
}
