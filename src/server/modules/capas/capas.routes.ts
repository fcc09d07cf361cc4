import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  capaBoard,
  capaBoardQuery,
  capaCreate,
  capaDetail,
  capaDismiss,
  capaListQuery,
  capaUpdate,
  capaVerify,
  capaView,
} from '../../../shared/schemas/capas.ts';
import { cursorPageOf, idParam } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { sendPrintable } from '../../http/printable.ts';
import { printOrganisation } from '../organisation/organisation.service.ts';
import { capaActionsRoutes } from './capa-actions.routes.ts';
import { renderCapaReport } from './capas.print.ts';
import { listCapas, loadBoard, loadCapaDetail } from './capas.read.ts';
import {
  acceptCapa,
  createCapa,
  dismissCapa,
  startCapa,
  submitForVerification,
  updateCapa,
  verifyCapa,
} from './capas.service.ts';

const tags = ['capas'];
const noBody = z.object({}).optional();

/**
 * 《纠正与预防措施报告》. Reading needs capa.read (every holder sees every report); changing the report and
 * its actions needs capa.manage; verification of effectiveness needs capa.verify.
 */
export function capasRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/v1/capas';
    const changed = (id: number) => void deps.live.publish({ topic: 'capas', id });

    app.get(
      base,
      {
        config: { permission: 'capa.read' },
        schema: { tags, querystring: capaListQuery, response: { 200: cursorPageOf(capaView) } },
      },
      async (request) => listCapas(deps.db, request.actor!, request.query),
    );

    app.get(
      `${base}/board`,
      {
        config: { permission: 'capa.read' },
        schema: { tags, querystring: capaBoardQuery, response: { 200: capaBoard } },
      },
      async (request) => loadBoard(deps.db, request.actor!, request.query),
    );

    app.post(
      base,
      {
        config: { permission: 'capa.manage', idempotent: true },
        schema: { tags, body: capaCreate, response: { 201: capaDetail } },
      },
      async (request, reply) => {
        const view = await createCapa(deps.db, contextOf(request), request.body);
        changed(view.id);
        return reply.status(201).send(await loadCapaDetail(deps.db, request.actor!, view.id));
      },
    );

    app.get(
      `${base}/:id`,
      {
        config: { permission: 'capa.read' },
        schema: { tags, params: idParam, response: { 200: capaDetail } },
      },
      async (request) => loadCapaDetail(deps.db, request.actor!, request.params.id),
    );

    app.patch(
      `${base}/:id`,
      {
        config: { permission: 'capa.manage' },
        schema: { tags, params: idParam, body: capaUpdate, response: { 200: capaDetail } },
      },
      async (request) => {
        await updateCapa(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return loadCapaDetail(deps.db, request.actor!, request.params.id);
      },
    );

    const transition = (
      path: string,
      permission: 'capa.manage' | 'capa.verify',
      run: (id: number, ctx: ReturnType<typeof contextOf>, body: never) => Promise<unknown>,
      body: z.ZodType = noBody,
    ) =>
      app.post(
        `${base}/:id/${path}`,
        { config: { permission }, schema: { tags, params: idParam, body, response: { 200: capaDetail } } },
        async (request) => {
          await run(request.params.id, contextOf(request), request.body as never);
          changed(request.params.id);
          return loadCapaDetail(deps.db, request.actor!, request.params.id);
        },
      );

    transition('accept', 'capa.manage', (id, ctx) => acceptCapa(deps.db, ctx, id));
    transition(
      'dismiss',
      'capa.manage',
      (id, ctx, body: z.infer<typeof capaDismiss>) => dismissCapa(deps.db, ctx, id, body.reason),
      capaDismiss,
    );
    transition('start', 'capa.manage', (id, ctx) => startCapa(deps.db, ctx, id));
    transition('submit', 'capa.manage', (id, ctx) => submitForVerification(deps.db, ctx, id));
    transition(
      'verify',
      'capa.verify',
      (id, ctx, body: z.output<typeof capaVerify>) => verifyCapa(deps.db, ctx, id, body),
      capaVerify,
    );

    app.get(
      `${base}/:id/print`,
      { config: { permission: 'capa.read' }, schema: { tags, params: idParam } },
      async (request, reply) => {
        const capa = await loadCapaDetail(deps.db, request.actor!, request.params.id);
        const organisation = await printOrganisation(deps.db);
        const html = renderCapaReport({
          organisation,
          capa,
          locale: request.locale,
        });
        return sendPrintable(reply, html);
      },
    );

    await app.register(capaActionsRoutes(deps));
  };
}
