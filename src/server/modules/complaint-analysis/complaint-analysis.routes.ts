import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';

const tags = ['complaint-analysis'];

export function complaintAnalysisRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async (_app) => {
    void tags;
  };
}
