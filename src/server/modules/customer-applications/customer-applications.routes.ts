import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorPageOf, idParam } from '../../../shared/schemas/common.ts';
import {
  applicationAttachment,
  applicationCreate,
  applicationDetail,
  applicationListQuery,
  applicationUpdate,
  applicationView,
  applicationWithdraw,
  attachmentParams,
} from '../../../shared/schemas/customer-applications.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { sendPrintable } from '../../http/printable.ts';
import { uploadOntoRecord } from '../attachments/attachments.routes.ts';
import { sendAttachment } from '../attachments/attachments.service.ts';
import { printOrganisation } from '../organisation/organisation.service.ts';
import { presentApplication, presentApplicationAttachment } from './customer-applications.presenter.ts';
import { renderApplicationForm } from './customer-applications.print.ts';
import { loadApplicationDetail } from './customer-applications.read.ts';
import {
  admitApplicationFile,
  createApplication,
  findApplicationFile,
  listApplications,
  removeApplicationFile,
  submitApplication,
  updateApplication,
  withdrawApplication,
} from './customer-applications.service.ts';

/**
 * 《新客户申请表》. Filing needs admission.apply; reading is scoped (own applications, those sent to the
 * caller to decide, or all with customer.read + admission.approve), so read routes only need a sign-in.
 */
export function customerApplicationsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 5 } });
    const tags = ['customers'];
    const base = '/api/v1/customer-applications';
    const changed = (view: { id: number; customerId: number }) => {
      void deps.live.publish({ topic: 'customer-applications', id: view.id });
      void deps.live.publish({ topic: 'customers', id: view.customerId });
    };

    app.get(
      base,
      {
        config: { permission: 'authenticated' },
        schema: { tags, querystring: applicationListQuery, response: { 200: cursorPageOf(applicationView) } },
      },
      async (request) =>
        pageOf(
          await listApplications(deps.db, request.actor!, request.query),
          request.query.limit,
          presentApplication,
        ),
    );

    app.post(
      base,
      {
        config: { permission: 'admission.apply', idempotent: true },
        schema: { tags, body: applicationCreate, response: { 201: applicationDetail } },
      },
      async (request, reply) => {
        const view = await createApplication(deps.db, contextOf(request), request.body);
        changed(view);
        return reply.status(201).send(await loadApplicationDetail(deps.db, request.actor!, view.id));
      },
    );

    app.get(
      `${base}/:id`,
      {
        config: { permission: 'authenticated' },
        schema: { tags, params: idParam, response: { 200: applicationDetail } },
      },
      async (request) => loadApplicationDetail(deps.db, request.actor!, request.params.id),
    );

    app.patch(
      `${base}/:id`,
      {
        config: { permission: 'admission.apply' },
        schema: { tags, params: idParam, body: applicationUpdate, response: { 200: applicationDetail } },
      },
      async (request) => {
        const { id } = request.params;
        const view = await updateApplication(deps.db, contextOf(request), id, request.body);
        changed(view);
        return loadApplicationDetail(deps.db, request.actor!, id);
      },
    );

    app.post(
      `${base}/:id/submit`,
      {
        config: { permission: 'admission.apply' },
        schema: {
          tags,
          params: idParam,
          body: z.object({}).optional(),
          response: { 200: applicationDetail },
        },
      },
      async (request) => {
        const { id } = request.params;
        const view = await submitApplication(deps.db, contextOf(request), id);
        changed(view);
        return loadApplicationDetail(deps.db, request.actor!, id);
      },
    );

    app.post(
      `${base}/:id/withdraw`,
      {
        config: { permission: 'admission.apply' },
        schema: { tags, params: idParam, body: applicationWithdraw, response: { 200: applicationDetail } },
      },
      async (request) => {
        const { id } = request.params;
        const view = await withdrawApplication(deps.db, contextOf(request), id, request.body.comment ?? null);
        changed(view);
        return loadApplicationDetail(deps.db, request.actor!, id);
      },
    );

    app.get(
      `${base}/:id/print`,
      { config: { permission: 'authenticated' }, schema: { tags, params: idParam } },
      async (request, reply) => {
        const detail = await loadApplicationDetail(deps.db, request.actor!, request.params.id);
        const organisation = await printOrganisation(deps.db);
        const html = renderApplicationForm({
          organisation,
          application: detail,
          customer: detail.customer,
          approvals: detail.approvals,
          locale: request.locale,
        });
        return sendPrintable(reply, html);
      },
    );

    app.get(
      `${base}/:id/attachments`,
      {
        config: { permission: 'authenticated' },
        schema: { tags, params: idParam, response: { 200: z.array(applicationAttachment) } },
      },
      async (request) =>
        (await loadApplicationDetail(deps.db, request.actor!, request.params.id)).attachments,
    );

    app.post(
      `${base}/:id/attachments`,
      {
        config: { permission: 'admission.apply' },
        schema: {
          tags,
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 201: applicationAttachment },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const stored = await uploadOntoRecord(request, reply, deps, {
          entityType: 'customer_application',
          entityId: id,
          owner: { customerApplicationId: id },
          admit: () => admitApplicationFile(deps.db, request.actor!, id),
        });
        if (!stored) return reply;
        return reply.status(201).send(presentApplicationAttachment(stored, id));
      },
    );

    app.get(
      `${base}/:id/attachments/:attachmentId`,
      { config: { permission: 'authenticated' }, schema: { tags, params: attachmentParams } },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        const row = await findApplicationFile(deps.db, request.actor!, id, attachmentId);
        return sendAttachment(reply, deps.attachments, row);
      },
    );

    // A file taken off a draft by whoever uploaded it; once submitted the files are part of the record.
    app.delete(
      `${base}/:id/attachments/:attachmentId`,
      { config: { permission: 'admission.apply' }, schema: { tags, params: attachmentParams } },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        const storageKey = await removeApplicationFile(deps.db, contextOf(request), id, attachmentId);
        await deps.attachments.remove(storageKey);
        return reply.status(204).send();
      },
    );
  };
}
