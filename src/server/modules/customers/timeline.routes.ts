import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { activityCreate, timelineItem, timelineQuery } from '../../../shared/schemas/customers.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { addActivity, loadTimeline } from './timeline.service.ts';

export function customerTimelineRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/customers/:id/timeline',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags: ['customers'],
          params: idParam,
          querystring: timelineQuery,
          response: { 200: z.object({ items: z.array(timelineItem), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => loadTimeline(deps.db, request.actor!, request.params.id, request.query),
    );

    app.post(
      '/api/v1/customers/:id/activities',
      {
        config: { permission: 'customer.update', idempotent: true },
        schema: {
          tags: ['customers'],
          params: idParam,
          body: activityCreate,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const customerId = request.params.id;
        const id = await addActivity(deps.db, contextOf(request), customerId, request.body);
        void deps.live.publish({ topic: 'customers', id: customerId });
        return reply.status(201).send({ id });
      },
    );
  };
}
