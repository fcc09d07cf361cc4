import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cursorPageOf, idParam } from '../../../shared/schemas/common.ts';
import {
  returnCancel,
  returnCreate,
  returnDetail,
  returnDispose,
  returnInspect,
  returnListQuery,
  returnNote,
  returnReceive,
  returnView,
} from '../../../shared/schemas/returns.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { type Actor, contextOf } from '../../http/context.ts';
import { pageOf } from '../../http/paging.ts';
import { sendPrintable } from '../../http/printable.ts';
import { printOrganisation } from '../organisation/organisation.service.ts';
import { returnAttachmentsRoutes } from './returns.attachments.ts';
import { presentReturn } from './returns.presenter.ts';
import { renderReturnNotice, renderReworkOrder } from './returns.print.ts';
import {
  cancelReturn,
  createReturn,
  inspectReturn,
  listReturns,
  loadReturnDetail,
  receiveReturn,
} from './returns.service.ts';
import {
  closeReturn,
  disposeReturn,
  markReplacementDelivered,
  markReworkDone,
} from './returns-disposition.service.ts';

const tags = ['returns'];
const base = '/api/v1/returns';
const noteBody = returnNote.optional();

/**
 * 退货 (001): 营业部 files and disposes (return.manage), 资材部/仓储 signs for and counts the goods
 * (return.receive), 品保部 confirms the defect (return.inspect); everyone on returns reads them.
 */
export function returnsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(returnAttachmentsRoutes(deps));
    const changed = (id: number) => void deps.live.publish({ topic: 'returns', id });
    const detail = (id: number, actor: Actor) => loadReturnDetail(deps.db, actor, id);

    app.get(
      base,
      {
        config: { permission: 'return.read' },
        schema: { tags, querystring: returnListQuery, response: { 200: cursorPageOf(returnView) } },
      },
      async (request) => {
        const rows = await listReturns(deps.db, request.actor!, request.query);
        return pageOf(rows, request.query.limit, presentReturn);
      },
    );

    app.post(
      base,
      {
        config: { permission: 'return.manage', idempotent: true },
        schema: { tags, body: returnCreate, response: { 201: returnDetail } },
      },
      async (request, reply) => {
        const id = await createReturn(deps.db, contextOf(request), request.body);
        changed(id);
        return reply.status(201).send(await detail(id, request.actor!));
      },
    );

    app.get(
      `${base}/:id`,
      {
        config: { permission: 'return.read' },
        schema: { tags, params: idParam, response: { 200: returnDetail } },
      },
      async (request) => detail(request.params.id, request.actor!),
    );

    app.post(
      `${base}/:id/receive`,
      {
        config: { permission: 'return.receive' },
        schema: { tags, params: idParam, body: returnReceive, response: { 200: returnDetail } },
      },
      async (request) => {
        await receiveReturn(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return detail(request.params.id, request.actor!);
      },
    );

    app.post(
      `${base}/:id/inspect`,
      {
        config: { permission: 'return.inspect' },
        schema: { tags, params: idParam, body: returnInspect, response: { 200: returnDetail } },
      },
      async (request) => {
        await inspectReturn(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return detail(request.params.id, request.actor!);
      },
    );

    app.post(
      `${base}/:id/dispose`,
      {
        config: { permission: 'return.manage' },
        schema: { tags, params: idParam, body: returnDispose, response: { 200: returnDetail } },
      },
      async (request) => {
        await disposeReturn(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return detail(request.params.id, request.actor!);
      },
    );

    app.post(
      `${base}/:id/rework-done`,
      {
        config: { permission: 'return.read' },
        schema: { tags, params: idParam, body: noteBody, response: { 200: returnDetail } },
      },
      async (request) => {
        await markReworkDone(deps.db, contextOf(request), request.params.id, request.body?.note ?? null);
        changed(request.params.id);
        return detail(request.params.id, request.actor!);
      },
    );

    app.post(
      `${base}/:id/delivered`,
      {
        config: { permission: 'return.read' },
        schema: { tags, params: idParam, body: noteBody, response: { 200: returnDetail } },
      },
      async (request) => {
        await markReplacementDelivered(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body?.note ?? null,
        );
        changed(request.params.id);
        return detail(request.params.id, request.actor!);
      },
    );

    app.post(
      `${base}/:id/close`,
      {
        config: { permission: 'return.manage' },
        schema: { tags, params: idParam, body: noteBody, response: { 200: returnDetail } },
      },
      async (request) => {
        await closeReturn(deps.db, contextOf(request), request.params.id, request.body?.note ?? null);
        changed(request.params.id);
        return detail(request.params.id, request.actor!);
      },
    );

    app.post(
      `${base}/:id/cancel`,
      {
        config: { permission: 'return.manage' },
        schema: { tags, params: idParam, body: returnCancel, response: { 200: returnDetail } },
      },
      async (request) => {
        await cancelReturn(deps.db, contextOf(request), request.params.id, request.body.reason);
        changed(request.params.id);
        return detail(request.params.id, request.actor!);
      },
    );

    app.get(
      `${base}/:id/print`,
      { config: { permission: 'return.read' }, schema: { tags, params: idParam } },
      async (request, reply) => {
        const notice = await detail(request.params.id, request.actor!);
        const organisation = await printOrganisation(deps.db);
        return sendPrintable(
          reply,
          renderReturnNotice({
            organisation,
            notice,
            locale: request.locale,
          }),
        );
      },
    );

    app.get(
      `${base}/:id/rework-print`,
      { config: { permission: 'return.read' }, schema: { tags, params: idParam } },
      async (request, reply) => {
        const notice = await detail(request.params.id, request.actor!);
        if (!notice.rework) throw notFound();
        const organisation = await printOrganisation(deps.db);
        return sendPrintable(
          reply,
          renderReworkOrder({
            organisation,
            notice,
            locale: request.locale,
          }),
        );
      },
    );
  };
}
