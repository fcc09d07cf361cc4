import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  careEventListQuery,
  careEventView,
  careRecordCreate,
  careRuleCreate,
  careRuleUpdate,
  careRuleView,
} from '../../../shared/schemas/care.ts';
import { idParam } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { createRule, listCareEvents, listRules, recordCareEvent, updateRule } from './care.service.ts';

/** 客户关怀: greeting rules (care.manage), the record of greetings and gifts, gifts given by hand. */
export function careRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['customers'];

    app.get(
      '/api/v1/care-rules',
      { config: { permission: 'customer.read' }, schema: { tags, response: { 200: z.array(careRuleView) } } },
      async () => listRules(deps.db),
    );
    app.post(
      '/api/v1/care-rules',
      {
        config: { permission: 'care.manage', idempotent: true },
        schema: { tags, body: careRuleCreate, response: { 201: careRuleView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createRule(deps.db, contextOf(request), request.body)),
    );
    app.patch(
      '/api/v1/care-rules/:id',
      {
        config: { permission: 'care.manage' },
        schema: { tags, params: idParam, body: careRuleUpdate, response: { 200: careRuleView } },
      },
      async (request) => updateRule(deps.db, contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/care-events',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags,
          querystring: careEventListQuery,
          response: { 200: z.object({ items: z.array(careEventView), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => listCareEvents(deps.db, request.actor!, request.query),
    );
    app.post(
      '/api/v1/customers/:id/care-events',
      {
        config: { permission: 'care.manage', idempotent: true },
        schema: {
          tags,
          params: idParam,
          body: careRecordCreate,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const id = await recordCareEvent(deps.db, contextOf(request), request.params.id, request.body);
        return reply.status(201).send({ id });
      },
    );
  };
}
