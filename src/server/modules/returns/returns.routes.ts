import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';

const tags = ['returns'];

export function returnsRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async (_app) => {
    void tags;
  };
}
