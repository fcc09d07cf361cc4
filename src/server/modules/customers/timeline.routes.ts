import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { activityCreate, timelineItem, timelineQuery } from '../../../shared/schemas/customers.ts';
import type { AppDeps } from '../../app-deps.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordRevisit } from '../key-accounts/key-accounts.service.ts';
import { customerTimeline, insertActivity, type TimelineRow } from './timeline.queries.ts';

const cursorOf = (r: TimelineRow) => `${r.at_key}|${r.kind}|${r.id}`;
function parseCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, kind, id] = cursor.split('|');
  if (!at || !kind || !id || Number.isNaN(Date.parse(at)) || !Number.isInteger(Number(id)))
    throw invalid('VALIDATION_FAILED', 'cursor');
  return { at, kind, id: Number(id) };
}

export function customerTimelineRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const exists = async (id: number) =>
      !!(await deps.db.selectFrom('customer').select('id').where('id', '=', id).executeTakeFirst());

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
      async (request) => {
        if (!(await exists(request.params.id))) throw notFound();
        const before = parseCursor(request.query.cursor);
        const rows = await customerTimeline(deps.db, request.params.id, {
          kinds: request.query.kinds,
          ...(before ? { before } : {}),
          limit: request.query.limit,
        });
        const page = rows.slice(0, request.query.limit);
        return {
          items: page.map((r) => ({
            key: `${r.kind}:${r.id}`,
            kind: r.kind,
            subtype: r.subtype,
            at: r.at.toISOString(),
            title: r.title,
            detail: r.detail,
            refId: r.id,
            actorName: r.actor_name,
          })),
          nextCursor: rows.length > request.query.limit ? cursorOf(page.at(-1)!) : null,
        };
      },
    );

    app.post(
      '/api/v1/customers/:id/activities',
      {
        config: { permission: 'customer.update' },
        schema: {
          tags: ['customers'],
          params: idParam,
          body: activityCreate,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const customerId = request.params.id;
        const id = await deps.db.transaction().execute(async (trx) => {
          const customer = await trx
            .selectFrom('customer')
            .select(['id', 'name'])
            .where('id', '=', customerId)
            .executeTakeFirst();
          if (!customer) throw notFound();
          if (request.body.contactId) {
            const contact = await trx
              .selectFrom('contact')
              .select('id')
              .where('id', '=', request.body.contactId)
              .where('customer_id', '=', customerId)
              .executeTakeFirst();
            if (!contact) throw invalid('VALIDATION_FAILED', 'contactId');
          }
          const activityId = await insertActivity(trx, {
            customer_id: customerId,
            contact_id: request.body.contactId ?? null,
            kind: request.body.kind,
            subject: request.body.subject,
            body: request.body.body ?? null,
            occurred_at: request.body.occurredAt ? new Date(request.body.occurredAt) : new Date(),
            user_id: ctx.actor.userId,
          });
          // A visit, call or meeting with a key account is its revisit (大客户回访).
          if (['visit', 'call', 'meeting'].includes(request.body.kind))
            await recordRevisit(
              trx,
              customerId,
              request.body.occurredAt ? new Date(request.body.occurredAt) : new Date(),
            );
          await recordAudit(trx, ctx, {
            action: 'customer.activity',
            entityType: 'customer',
            entityId: customerId,
            entityLabel: customer.name,
            after: { activityId, kind: request.body.kind, subject: request.body.subject },
          });
          return activityId;
        });
        void deps.live.publish({ topic: 'customers', id: customerId });
        return reply.status(201).send({ id });
      },
    );
  };
}
