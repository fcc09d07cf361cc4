import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';

const tags = ['capas'];

export function capasRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async (_app) => {
    void tags;
  };
}
