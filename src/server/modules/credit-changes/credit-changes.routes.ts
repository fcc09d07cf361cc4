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
import { pageOf } from '../../http/paging.ts';
import { presentCreditChange } from './credit-changes.presenter.ts';
import {
  listCreditChanges,
  listCreditChangesOf,
  creditChangeDetail as loadDetail,
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

    app.post(
      '/api/v1/customers/:id/credit-changes',
      {
        config: { permission: 'credit.request', idempotent: true },
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
      async (request) =>
        pageOf(
          await listCreditChangesOf(deps.db, request.actor!, request.params.id, request.query),
          request.query.limit,
          presentCreditChange,
        ),
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
      async (request) =>
        pageOf(
          await listCreditChanges(deps.db, request.actor!, request.query),
          request.query.limit,
          presentCreditChange,
        ),
    );

    app.get(
      '/api/v1/credit-changes/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: creditChangeDetail } },
      },
      async (request) => loadDetail(deps.db, request.actor!, request.params.id),
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
        const detail = await loadDetail(deps.db, request.actor!, request.params.id);
        changed(detail.customerId);
        return detail;
      },
    );
  };
}
