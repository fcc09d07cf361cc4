import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf } from '../../../shared/schemas/common.ts';
import { userCreate, userListQuery, userUpdate, userView } from '../../../shared/schemas/users.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { buildTsQuery } from '../../search/text-search.ts';
import { createUser, getUser, listUserViews, updateUser } from './users.service.ts';

export function usersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/users',
      {
        config: { permission: 'user.read' },
        schema: { tags: ['users'], querystring: userListQuery, response: { 200: pageOf(userView) } },
      },
      async (request) => {
        const { q, ...filter } = request.query;
        const tsQuery = q ? buildTsQuery(q) : null;
        if (q && !tsQuery) return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
        const { items, total } = await listUserViews(deps.db, request.actor!, { ...filter, tsQuery });
        return { items, total, page: filter.page, pageSize: filter.pageSize };
      },
    );

    app.get(
      '/api/v1/users/:id',
      {
        config: { permission: 'user.read' },
        schema: { tags: ['users'], params: idParam, response: { 200: userView } },
      },
      async (request) => getUser(deps.db, request.actor!, request.params.id),
    );

    app.post(
      '/api/v1/users',
      {
        config: { permission: 'user.manage', idempotent: true },
        schema: { tags: ['users'], body: userCreate, response: { 201: userView } },
      },
      async (request, reply) => {
        // Someone else chose this password: the new user replaces it at first sign-in.
        const user = await createUser(deps.db, contextOf(request), {
          ...request.body,
          mustChangePassword: true,
        });
        void deps.live.publish({ topic: 'users', id: user.id });
        return reply.status(201).send(user);
      },
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { permission: 'user.manage' },
        schema: { tags: ['users'], params: idParam, body: userUpdate, response: { 200: userView } },
      },
      async (request) => {
        const user = await updateUser(deps.db, contextOf(request), request.params.id, request.body);
        void deps.live.publish({ topic: 'users', id: user.id });
        return user;
      },
    );
  };
}
