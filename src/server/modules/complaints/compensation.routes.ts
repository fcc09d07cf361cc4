import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/schemas/common.ts';
import {
  compensationCreate,
  compensationExecute,
  compensationView,
  compensationWithdraw,
} from '../../../shared/schemas/complaints.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, forbidden, notFound } from '../../http/app-error.ts';
import { can, contextOf } from '../../http/context.ts';
import * as cq from './compensation.queries.ts';
import {
  executeCompensation,
  presentCompensation,
  requestCompensation,
  withdrawCompensation,
} from './compensation.service.ts';
import * as q from './complaints.queries.ts';

const tags = ['complaints'];

/** 补货、补偿及赔偿 on a complaint; a return's refund is filed by the returns module through the same service. */
export function compensationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const load = async (id: number) => {
      const row = await cq.findCompensation(deps.db, id);
      if (!row) throw notFound();
      return presentCompensation(row);
    };
    const changed = (view: { complaintId: number | null }) => {
      if (view.complaintId) void deps.live.publish({ topic: 'complaints', id: view.complaintId });
    };

    app.post(
      '/api/v1/complaints/:id/compensations',
      {
        config: { permission: 'compensation.request' },
        schema: { tags, params: idParam, body: compensationCreate, response: { 201: compensationView } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const id = await deps.db.transaction().execute(async (trx) => {
          const complaint = await q.lockComplaint(trx, request.params.id);
          if (!complaint) throw notFound();
          if (complaint.stage === 'closed') throw new AppError('COMPLAINT_CLOSED');
          return requestCompensation(trx, ctx, {
            complaintId: complaint.id,
            returnId: null,
            recordNumber: complaint.number,
            ...request.body,
          });
        });
        const view = await load(id);
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
      async (request) => {
        const view = await load(request.params.id);
        const actor = request.actor!;
        const allowed =
          (view.complaintId && can(actor, 'complaint.read')) ||
          (view.returnId && can(actor, 'return.read')) ||
          can(actor, 'compensation.approve');
        if (!allowed) throw notFound();
        return view;
      },
    );

    app.post(
      '/api/v1/compensations/:id/withdraw',
      {
        config: { permission: 'compensation.request' },
        schema: { tags, params: idParam, body: compensationWithdraw, response: { 200: compensationView } },
      },
      async (request) => {
        await withdrawCompensation(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body.comment ?? null,
        );
        const view = await load(request.params.id);
        changed(view);
        return view;
      },
    );

    app.post(
      '/api/v1/compensations/:id/execute',
      {
        config: { permission: 'authenticated' },
        schema: { tags, params: idParam, body: compensationExecute, response: { 200: compensationView } },
      },
      async (request) => {
        const before = await load(request.params.id);
        const actor = request.actor!;
        const allowed =
          (before.complaintId && can(actor, 'complaint.handle')) ||
          (before.returnId && can(actor, 'return.manage'));
        if (!allowed) throw forbidden();
        await executeCompensation(deps.db, contextOf(request), request.params.id, request.body.note);
        const view = await load(request.params.id);
        changed(view);
        return view;
      },
    );
  };
}
