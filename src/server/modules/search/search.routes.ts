import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { globalSearchQuery, globalSearchResult } from '../../../shared/schemas/search.ts';
import type { AppDeps } from '../../app-deps.ts';
import { globalSearch } from './search.service.ts';

const tags = ['search'];

/**
 * The header's search (Ctrl+K): requests, customers, contacts, complaints, CAPA, returns and knowledge
 * articles at once. Any signed-in staff member may ask; each kind answers only for its read permission
 * and within its own scope (search.policy.ts).
 */
export function searchRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/search',
      {
        config: { permission: 'authenticated' },
        schema: { tags, querystring: globalSearchQuery, response: { 200: globalSearchResult } },
      },
      async (request) => globalSearch(deps.db, request.actor!, request.query),
    );
  };
}
