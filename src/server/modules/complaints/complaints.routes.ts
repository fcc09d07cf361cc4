import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';

const tags = ['complaints'];

export function complaintsRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async (_app) => {
    void tags;
  };
}
