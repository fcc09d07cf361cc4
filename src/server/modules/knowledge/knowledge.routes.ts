import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';
import { kbArticleRoutes } from './articles.routes.ts';
import { kbCategoryRoutes } from './categories.routes.ts';
import { kbPublicRoutes } from './public.routes.ts';

/** Knowledge base (SPEC §9): staff API under /api/v1/kb, customer portal API under /api/public/kb. */
export function knowledgeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(kbCategoryRoutes(deps));
    await app.register(kbArticleRoutes(deps));
    await app.register(kbPublicRoutes(deps));
  };
}
