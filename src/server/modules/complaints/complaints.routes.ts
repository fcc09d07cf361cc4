import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMPLAINT_STEPS } from '../../../shared/complaints/complaint-flow.ts';
import { cursorPageOf, idParam } from '../../../shared/schemas/common.ts';
import {
  complaintCreate,
  complaintDetail,
  complaintListQuery,
  complaintUpdate,
  complaintView,
  stepInputs,
  stepOwnerChange,
} from '../../../shared/schemas/complaints.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { sendPrintable } from '../../http/printable.ts';
import { queueReplyEmail } from '../email/outbound.ts';
import { printOrganisation } from '../organisation/organisation.service.ts';
import { complaintDraft, DRAFT_KINDS } from './complaint-drafts.ts';
import { completeStep } from './complaint-flow.service.ts';
import { maySeeSensitive } from './complaints.policy.ts';
import { presentComplaint } from './complaints.presenter.ts';
import { renderComplaintRecord, renderQualityReply } from './complaints.print.ts';
import {
  changeStepOwner,
  complaintOfTicket,
  createComplaint,
  listComplaints,
  complaintDetail as loadDetail,
  registerTicketAsComplaint,
  updateComplaint,
} from './complaints.service.ts';

const tags = ['complaints'];

export function complaintsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const changed = (id: number, ticketId?: number) => {
      void deps.live.publish({ topic: 'complaints', id });
      if (ticketId) void deps.live.publish({ topic: 'tickets', id: ticketId });
    };

    app.get(
      '/api/v1/complaints',
      {
        config: { permission: 'complaint.read' },
        schema: { tags, querystring: complaintListQuery, response: { 200: cursorPageOf(complaintView) } },
      },
      async (request) => {
        const rows = await listComplaints(deps.db, request.actor!, request.query);
        const sensitive = maySeeSensitive(request.actor);
        return pageOf(rows, request.query.limit, (r) => presentComplaint(r, sensitive));
      },
    );

    app.post(
      '/api/v1/complaints',
      {
        config: { permission: 'complaint.handle', idempotent: true },
        schema: { tags, body: complaintCreate, response: { 201: complaintDetail } },
      },
      async (request, reply) => {
        const id = await createComplaint(deps.db, contextOf(request), request.body);
        const detail = await loadDetail(deps.db, request.actor!, id);
        changed(id, detail.ticketId);
        return reply.status(201).send(detail);
      },
    );

    app.post(
      '/api/v1/tickets/:id/complaint',
      {
        config: { permission: 'complaint.handle', idempotent: true },
        schema: { tags, params: idParam, response: { 201: complaintDetail } },
      },
      async (request, reply) => {
        const id = await registerTicketAsComplaint(deps.db, contextOf(request), request.params.id);
        changed(id, request.params.id);
        return reply.status(201).send(await loadDetail(deps.db, request.actor!, id));
      },
    );

    app.get(
      '/api/v1/tickets/:id/complaint',
      {
        config: { permission: 'complaint.read' },
        schema: {
          tags,
          params: idParam,
          response: { 200: z.object({ id: z.number(), number: z.string() }) },
        },
      },
      async (request) => complaintOfTicket(deps.db, request.actor!, request.params.id),
    );

    app.get(
      '/api/v1/complaints/:id',
      {
        config: { permission: 'complaint.read' },
        schema: { tags, params: idParam, response: { 200: complaintDetail } },
      },
      async (request) => loadDetail(deps.db, request.actor!, request.params.id),
    );

    app.patch(
      '/api/v1/complaints/:id',
      {
        config: { permission: 'complaint.handle' },
        schema: { tags, params: idParam, body: complaintUpdate, response: { 200: complaintDetail } },
      },
      async (request) => {
        await updateComplaint(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return loadDetail(deps.db, request.actor!, request.params.id);
      },
    );

    // One route per step, each validating (and documenting) the record that step keeps.
    for (const step of COMPLAINT_STEPS) {
      app.post(
        `/api/v1/complaints/:id/steps/${step}`,
        {
          config: { permission: 'complaint.read' },
          schema: { tags, params: idParam, body: stepInputs[step], response: { 200: complaintDetail } },
        },
        async (request) => {
          const id = request.params.id;
          const outcome = await completeStep(deps.db, contextOf(request), id, step, request.body as never);
          if (outcome.messageId)
            await queueReplyEmail(deps.db, outcome.ticketId, outcome.messageId).catch((error: unknown) =>
              request.log.error({ err: error }, 'queueing the complaint message email failed'),
            );
          changed(id, outcome.ticketId);
          return loadDetail(deps.db, request.actor!, id);
        },
      );
    }

    app.put(
      '/api/v1/complaints/:id/step-owner',
      {
        config: { permission: 'complaint.handle' },
        schema: { tags, params: idParam, body: stepOwnerChange, response: { 200: complaintDetail } },
      },
      async (request) => {
        const { ownerUserId, reason } = request.body;
        await changeStepOwner(deps.db, contextOf(request), request.params.id, ownerUserId, reason ?? null);
        changed(request.params.id);
        return loadDetail(deps.db, request.actor!, request.params.id);
      },
    );

    app.get(
      '/api/v1/complaints/:id/drafts/:kind',
      {
        config: { permission: 'complaint.read' },
        schema: {
          tags,
          params: z.object({ id: z.coerce.number().int().positive(), kind: z.enum(DRAFT_KINDS) }),
          response: { 200: z.object({ subject: z.string(), body: z.string(), promisedAt: z.string() }) },
        },
      },
      async (request) =>
        complaintDraft(deps.db, request.actor!, request.params.id, request.params.kind, request.locale),
    );

    app.get(
      '/api/v1/complaints/:id/print/:form',
      {
        config: { permission: 'complaint.read' },
        schema: {
          tags,
          params: z.object({ id: z.coerce.number().int().positive(), form: z.enum(['record', 'reply']) }),
        },
      },
      async (request, reply) => {
        const complaint = await loadDetail(deps.db, request.actor!, request.params.id);
        const organisation = await printOrganisation(deps.db);
        const input = {
          organisation,
          complaint,
          locale: request.locale,
        };
        // The reply document exists once the causes and measures are analysed.
        if (
          request.params.form === 'reply' &&
          !complaint.steps.some((s) => s.step === 'analyse' && s.completedAt)
        )
          throw notFound();
        return sendPrintable(
          reply,
          request.params.form === 'record' ? renderComplaintRecord(input) : renderQualityReply(input),
        );
      },
    );
  };
}
