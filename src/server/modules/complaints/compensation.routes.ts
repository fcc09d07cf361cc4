import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/schemas/common.ts';
import {
  compensationCreate,
  compensationExecute,
  compensationView,
  compensationWithdraw,
} from '../../../shared/schemas/complaints.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import {
  compensationAfter,
  executeCompensation,
  loadCompensation,
  requestComplaintCompensation,
  withdrawCompensation,
} from './compensation.service.ts';

const tags = ['complaints'];

/**
 * 补货、补偿及赔偿 on a complaint; a return's refund is filed by the returns module through the same service.
 * Who may see, withdraw or carry out a compensation is complaints.policy.ts's decision.
 */
export function compensationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const changed = (view: { complaintId: number | null }) => {
      if (view.complaintId) void deps.live.publish({ topic: 'complaints', id: view.complaintId });
    };

    app.post(
      '/api/v1/complaints/:id/compensations',
      {
        config: { permission: 'compensation.request', idempotent: true },
        schema: { tags, params: idParam, body: compensationCreate, response: { 201: compensationView } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = await requestComplaintCompensation(deps.db, ctx, request.params.id, request.body);
        const view = await compensationAfter(deps.db, id);
        changed(view);
        return reply.status(201).send(view);
      },
    );

    // Visible to whoever may see the complaint or the return it belongs to (approvers see it via their inbox).
    app.get(
      '/api/v1/compensations/:id',
      {
        config: { permission: 'authenticated' },
        schema: { tags, params: idParam, response: { 200: compensationView } },
      },
      async (request) => loadCompensation(deps.db, request.actor!, request.params.id),
    );

    app.post(
      '/api/v1/compensations/:id/withdraw',
      {
        config: { permission: 'compensation.request' },
        schema: { tags, params: idParam, body: compensationWithdraw, response: { 200: compensationView } },
      },
      async (request) => {
        const ctx = contextOf(request);
        await withdrawCompensation(deps.db, ctx, request.params.id, request.body.comment ?? null);
        const view = await compensationAfter(deps.db, request.params.id);
        changed(view);
        return view;
      },
    );

    // Complaint handlers, or 营业部 for a return's refund (complaints.policy.ts: mayExecuteCompensation).
    app.post(
      '/api/v1/compensations/:id/execute',
      {
        config: { permission: 'authenticated' },
        schema: { tags, params: idParam, body: compensationExecute, response: { 200: compensationView } },
      },
      async (request) => {
        const ctx = contextOf(request);
        await executeCompensation(deps.db, ctx, request.params.id, request.body.note);
        const view = await compensationAfter(deps.db, request.params.id);
        changed(view);
        return view;
      },
    );
  };
}
