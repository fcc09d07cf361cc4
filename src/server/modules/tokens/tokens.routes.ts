import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { apiTokenCreate, apiTokenCreated, apiTokenView } from '../../../shared/schemas/tokens.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { createApiToken, listOwnApiTokens, revokeApiToken } from './tokens.service.ts';

/** Personal API tokens: each user manages only their own. */
export function tokensRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/me/api-tokens',
      {
        config: { permission: 'api_token.use' },
        schema: { tags: ['api-tokens'], response: { 200: z.array(apiTokenView) } },
      },
      async (request) => listOwnApiTokens(deps.db, request.actor!),
    );

    app.post(
      '/api/v1/me/api-tokens',
      {
        config: { permission: 'api_token.use' },
        schema: { tags: ['api-tokens'], body: apiTokenCreate, response: { 201: apiTokenCreated } },
      },
      async (request, reply) =>
        reply.status(201).send(await createApiToken(deps.db, contextOf(request), request.body)),
    );

    app.delete(
      '/api/v1/me/api-tokens/:id',
      {
        config: { permission: 'api_token.use' },
        schema: { tags: ['api-tokens'], params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await revokeApiToken(deps.db, contextOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
