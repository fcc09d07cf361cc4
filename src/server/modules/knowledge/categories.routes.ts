import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { kbCategoryCreate, kbCategoryUpdate, kbCategoryView } from '../../../shared/schemas/knowledge.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { createCategory, deleteCategory, listCategoryViews, updateCategory } from './categories.service.ts';
import { scopeOf } from './knowledge.policy.ts';

const tags = ['knowledge'];

export function kbCategoryRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const changed = (id: number) => void deps.live.publish({ topic: 'kb', id });

    app.get(
      '/api/v1/kb/categories',
      {
        config: { permission: 'kb.read' },
        schema: { tags, response: { 200: z.array(kbCategoryView) } },
      },
      async (request) => listCategoryViews(deps.db, scopeOf(request.actor).drafts),
    );

    app.post(
      '/api/v1/kb/categories',
      {
        config: { permission: 'kb.write', idempotent: true },
        schema: { tags, body: kbCategoryCreate, response: { 201: kbCategoryView } },
      },
      async (request, reply) => {
        const category = await createCategory(deps.db, contextOf(request), request.body);
        changed(category.id);
        return reply.status(201).send(category);
      },
    );

    app.patch(
      '/api/v1/kb/categories/:id',
      {
        config: { permission: 'kb.write' },
        schema: { tags, params: idParam, body: kbCategoryUpdate, response: { 200: kbCategoryView } },
      },
      async (request) => {
        const category = await updateCategory(deps.db, contextOf(request), request.params.id, request.body);
        changed(category.id);
        return category;
      },
    );

    app.delete(
      '/api/v1/kb/categories/:id',
      {
        config: { permission: 'kb.write' },
        schema: { tags, params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await deleteCategory(deps.db, contextOf(request), request.params.id);
        changed(request.params.id);
        return { ok: true as const };
      },
    );
  };
}
