import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cursorPageOf, idParam } from '../../../shared/schemas/common.ts';
import {
  creditChangeCreate,
  creditChangeDetail,
  creditChangeListQuery,
  creditChangeView,
  creditChangeWithdraw,
} from '../../../shared/schemas/credit-changes.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { viewerOf } from '../approvals/approvals.presenter.ts';
import * as q from './credit-changes.queries.ts';
import {
  creditChangeDetail as loadDetail,
  presentCreditChange,
  requestCreditChange,
  withdrawCreditChange,
} from './credit-changes.service.ts';

export function creditChangesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['customers'];
    const changed = (customerId: number) => {
      void deps.live.publish({ topic: 'credit-changes', id: customerId });
      void deps.live.publish({ topic: 'customers', id: customerId });
    };
    const page = async (query: Parameters<typeof q.listCreditChanges>[1]) => {
      const rows = await q.listCreditChanges(deps.db, query);
      const items = rows.slice(0, query.limit);
      return {
        items: items.map(presentCreditChange),
        nextCursor: rows.length > query.limit ? String(items.at(-1)!.id) : null,
      };
    };

    app.post(
      '/api/v1/customers/:id/credit-changes',
      {
        config: { permission: 'credit.request' },
        schema: { tags, params: idParam, body: creditChangeCreate, response: { 201: creditChangeView } },
      },
      async (request, reply) => {
        const view = await requestCreditChange(deps.db, contextOf(request), request.params.id, request.body);
        changed(view.customerId);
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/api/v1/customers/:id/credit-changes',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags,
          params: idParam,
          querystring: creditChangeListQuery.omit({ customerId: true }),
          response: { 200: cursorPageOf(creditChangeView) },
        },
      },
      async (request) => page({ ...request.query, customerId: request.params.id }),
    );

    app.get(
      '/api/v1/credit-changes',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags,
          querystring: creditChangeListQuery,
          response: { 200: cursorPageOf(creditChangeView) },
        },
      },
      async (request) => page(request.query),
    );

    app.get(
      '/api/v1/credit-changes/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: creditChangeDetail } },
      },
      async (request) => loadDetail(deps.db, request.params.id, await viewerOf(deps.db, request.actor!)),
    );

    app.post(
      '/api/v1/credit-changes/:id/withdraw',
      {
        config: { permission: 'credit.request' },
        schema: { tags, params: idParam, body: creditChangeWithdraw, response: { 200: creditChangeDetail } },
      },
      async (request) => {
        await withdrawCreditChange(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body.comment ?? null,
        );
        const detail = await loadDetail(deps.db, request.params.id, await viewerOf(deps.db, request.actor!));
        changed(detail.customerId);
        return detail;
      },
    );
  };
}
