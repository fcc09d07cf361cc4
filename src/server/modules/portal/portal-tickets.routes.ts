import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import {
  portalMessageView,
  portalRating,
  portalTicketCreate,
  portalTicketView,
} from '../../../shared/schemas/portal.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { PortalActor } from '../../http/authentication.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listMessages } from '../tickets/tickets.queries.ts';
import { createTicket } from '../tickets/tickets.service.ts';
import { addCustomerMessage } from '../tickets/tickets.workflow.ts';

const RATEABLE = ['resolved', 'revisited', 'closed'];

/** The customer's own requests: a contact sees only the requests they raised (another's id is a 404). */
export function portalTicketsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['portal'];
    const portal = { permission: 'portal' as const };
    const own = (p: PortalActor, id: number) =>
      deps.db
        .selectFrom('ticket')
        .innerJoin('ticket_type', 'ticket_type.id', 'ticket.type_id')
        .selectAll('ticket')
        .select('ticket_type.code as type_code')
        .where('ticket.id', '=', id)
        .where('ticket.contact_id', '=', p.contactId)
        .where('ticket.merged_into_id', 'is', null)
        .executeTakeFirst();
    type Row = NonNullable<Awaited<ReturnType<typeof own>>>;
    const present = (t: Row) => ({
      id: t.id,
      number: t.number,
      subject: t.subject,
      description: t.description,
      status: t.status,
      typeCode: t.type_code,
      createdAt: t.created_at.toISOString(),
      updatedAt: t.updated_at.toISOString(),
      resolvedAt: t.resolved_at?.toISOString() ?? null,
      satisfaction: t.satisfaction,
      canRate: RATEABLE.includes(t.status) && t.satisfaction === null,
    });

    app.get(
      '/api/portal/tickets',
      {
        config: portal,
        schema: {
          tags,
          querystring: z.object({
            cursor: z.string().max(30).optional(),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: {
            200: z.object({ items: z.array(portalTicketView), nextCursor: z.string().nullable() }),
          },
        },
      },
      async (request) => {
        let query = deps.db
          .selectFrom('ticket')
          .innerJoin('ticket_type', 'ticket_type.id', 'ticket.type_id')
          .selectAll('ticket')
          .select('ticket_type.code as type_code')
          .where('ticket.contact_id', '=', request.portal!.contactId)
          .where('ticket.merged_into_id', 'is', null)
          .orderBy('ticket.id', 'desc')
          .limit(request.query.limit + 1);
        if (request.query.cursor) query = query.where('ticket.id', '<', Number(request.query.cursor));
        const rows = await query.execute();
        const page = rows.slice(0, request.query.limit);
        return {
          items: page.map(present),
          nextCursor: rows.length > request.query.limit ? String(page.at(-1)?.id) : null,
        };
      },
    );

    app.get(
      '/api/portal/tickets/:id',
      { config: portal, schema: { tags, params: idParam, response: { 200: portalTicketView } } },
      async (request) => {
        const t = await own(request.portal!, request.params.id);
        if (!t) throw notFound();
        return present(t);
      },
    );

    app.get(
      '/api/portal/tickets/:id/messages',
      { config: portal, schema: { tags, params: idParam, response: { 200: z.array(portalMessageView) } } },
      async (request) => {
        if (!(await own(request.portal!, request.params.id))) throw notFound();
        const rows = await listMessages(deps.db, request.params.id, false);
        return rows.map((m) => ({
          id: m.id,
          fromCustomer: m.author_user_id === null,
          authorName: m.author_name,
          body: m.body,
          createdAt: m.created_at.toISOString(),
        }));
      },
    );

    app.post(
      '/api/portal/tickets',
      { config: portal, schema: { tags, body: portalTicketCreate, response: { 201: portalTicketView } } },
      async (request, reply) => {
        const p = request.portal!;
        const typeId =
          request.body.typeId ??
          (
            await deps.db
              .selectFrom('ticket_type')
              .select('id')
              .where('code', '=', 'inquiry')
              .executeTakeFirstOrThrow()
          ).id;
        const id = await createTicket(deps.db, null, {
          channel: 'web',
          typeId,
          subject: request.body.subject,
          description: request.body.description,
          orderRef: request.body.orderRef ?? null,
          contactId: p.contactId,
          language: request.locale,
        });
        void deps.live.publish({ topic: 'tickets', id });
        return reply.status(201).send(present((await own(p, id))!));
      },
    );

    app.post(
      '/api/portal/tickets/:id/messages',
      {
        config: portal,
        schema: {
          tags,
          params: idParam,
          body: z.object({
            body: z.string().trim().min(1).max(20_000),
            attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
          }),
          response: {
            201: z.object({ id: z.number(), reopened: z.boolean(), tooLateToReopen: z.boolean() }),
          },
        },
      },
      async (request, reply) => {
        const p = request.portal!;
        if (!(await own(p, request.params.id))) throw notFound();
        const result = await addCustomerMessage(deps.db, {
          ticketId: request.params.id,
          contactId: p.contactId,
          body: request.body.body,
          channel: 'web',
          attachmentIds: request.body.attachmentIds,
        });
        void deps.live.publish({ topic: 'tickets', id: request.params.id });
        return reply
          .status(201)
          .send({ id: result.messageId, reopened: result.reopened, tooLateToReopen: result.tooLateToReopen });
      },
    );

    app.post(
      '/api/portal/tickets/:id/rating',
      {
        config: portal,
        schema: { tags, params: idParam, body: portalRating, response: { 200: okResponse } },
      },
      async (request) => {
        const p = request.portal!;
        const t = await own(p, request.params.id);
        if (!t) throw notFound();
        if (!RATEABLE.includes(t.status)) throw new AppError('NOT_RATEABLE');
        await deps.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('ticket')
            .set({
              satisfaction: request.body.score,
              satisfaction_comment: request.body.comment ?? null,
              rated_at: new Date(),
            })
            .where('id', '=', t.id)
            .execute();
          await trx
            .insertInto('ticket_event')
            .values({ ticket_id: t.id, kind: 'rated', data: JSON.stringify({ score: request.body.score }) })
            .execute();
          await recordAudit(trx, null, {
            action: 'ticket.rate',
            entityType: 'ticket',
            entityId: t.id,
            entityLabel: t.number,
            actorLabel: `portal: ${p.name} <${p.email}>`,
            changes: [{ field: 'satisfaction', before: t.satisfaction, after: request.body.score }],
          });
        });
        void deps.live.publish({ topic: 'tickets', id: t.id });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/portal/ticket-types',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          response: {
            200: z.array(
              z.object({ id: z.number(), code: z.string(), label: z.record(z.string(), z.string()) }),
            ),
          },
        },
      },
      async () => {
        const rows = await deps.db
          .selectFrom('ticket_type')
          .select(['id', 'code', 'label'])
          .where('is_active', '=', true)
          .where('code', '<>', 'care_visit')
          .orderBy('sort_order')
          .limit(100)
          .execute();
        return rows.map((r) => ({ id: r.id, code: r.code, label: r.label as Record<string, string> }));
      },
    );
  };
}
