import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvalCancel,
  approvalDecision,
  approvalInboxItem,
  approvalInboxQuery,
  approvalRequestView,
  approvalRouteCreate,
  approvalRouteListQuery,
  approvalRouteUpdate,
  approvalRouteView,
} from '../../../shared/schemas/approvals.ts';
import { cursorPageOf, idParam, okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  createRoute,
  deleteRoute,
  listApprovalRoutes,
  loadApprovalRoute,
  updateRoute,
} from './approval-routes.service.ts';
import { viewerOf } from './approvals.policy.ts';
import { approvalInbox, cancelByRequester, decide, loadRequestFor } from './approvals.service.ts';

export function approvalsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['approvals'];
    // A finished approval changes the record it was about (customer class, lifecycle, credit, a complaint's
    // compensation or final report, a return's refund), so those screens refresh too.
    const changed = (id: number) => {
      void deps.live.publish({ topic: 'approvals', id });
      for (const topic of ['customers', 'complaints', 'returns']) void deps.live.publish({ topic, id: 0 });
    };

    // Any staff user may be named as an approver, so the inbox and decisions check the step, not a permission.
    app.get(
      '/api/v1/approvals/inbox',
      {
        config: { permission: 'authenticated' },
        schema: { tags, querystring: approvalInboxQuery, response: { 200: cursorPageOf(approvalInboxItem) } },
      },
      async (request) => approvalInbox(deps.db, request.actor!, request.query),
    );

    app.get(
      '/api/v1/approvals/:id',
      {
        config: { permission: 'authenticated' },
        schema: { tags, params: idParam, response: { 200: approvalRequestView } },
      },
      async (request) => loadRequestFor(deps.db, await viewerOf(deps.db, request.actor!), request.params.id),
    );

    app.post(
      '/api/v1/approvals/steps/:id/decide',
      {
        config: { permission: 'authenticated' },
        schema: { tags, params: idParam, body: approvalDecision, response: { 200: approvalRequestView } },
      },
      async (request) => {
        const view = await decide(deps.db, contextOf(request), request.params.id, request.body);
        changed(view.id);
        return view;
      },
    );

    app.post(
      '/api/v1/approvals/:id/cancel',
      {
        config: { permission: 'authenticated' },
        schema: { tags, params: idParam, body: approvalCancel, response: { 200: approvalRequestView } },
      },
      async (request) => {
        const view = await cancelByRequester(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body.comment ?? null,
        );
        changed(view.id);
        return view;
      },
    );

    app.get(
      '/api/v1/approval-routes',
      {
        config: { permission: 'settings.read' },
        schema: { tags, querystring: approvalRouteListQuery, response: { 200: z.array(approvalRouteView) } },
      },
      async (request) => listApprovalRoutes(deps.db, request.query.flow),
    );

    app.get(
      '/api/v1/approval-routes/:id',
      {
        config: { permission: 'settings.read' },
        schema: { tags, params: idParam, response: { 200: approvalRouteView } },
      },
      async (request) => loadApprovalRoute(deps.db, request.params.id),
    );

    app.post(
      '/api/v1/approval-routes',
      {
        config: { permission: 'settings.manage', idempotent: true },
        schema: { tags, body: approvalRouteCreate, response: { 201: approvalRouteView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createRoute(deps.db, contextOf(request), request.body)),
    );

    app.patch(
      '/api/v1/approval-routes/:id',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, params: idParam, body: approvalRouteUpdate, response: { 200: approvalRouteView } },
      },
      async (request) => updateRoute(deps.db, contextOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/v1/approval-routes/:id',
      {
        config: { permission: 'settings.manage' },
        schema: { tags, params: idParam, response: { 200: okResponse } },
      },
      async (request) => {
        await deleteRoute(deps.db, contextOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
