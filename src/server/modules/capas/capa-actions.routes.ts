import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  capaActionCancel,
  capaActionComplete,
  capaActionCreate,
  capaActionParams,
  capaActionUpdate,
  capaActionView,
  capaAttachment,
  capaAttachmentParams,
} from '../../../shared/schemas/capas.ts';
import { idParam } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { uploadOntoRecord } from '../attachments/attachments.routes.ts';
import { sendAttachment } from '../attachments/attachments.service.ts';
import { addAction, cancelAction, completeAction, updateAction } from './capa-actions.service.ts';
import {
  admitCapaUpload,
  capaAttachmentFile,
  capaAttachmentView,
  removeCapaAttachment,
} from './capa-attachments.service.ts';

const tags = ['capas'];

/** The actions of a report, and its files (verification evidence). */
export function capaActionsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 5 } });
    const base = '/api/v1/capas/:id';
    const changed = (id: number) => void deps.live.publish({ topic: 'capas', id });

    app.post(
      `${base}/actions`,
      {
        config: { permission: 'capa.manage', idempotent: true },
        schema: { tags, params: idParam, body: capaActionCreate, response: { 201: capaActionView } },
      },
      async (request, reply) => {
        const view = await addAction(deps.db, contextOf(request), request.params.id, request.body);
        changed(request.params.id);
        return reply.status(201).send(view);
      },
    );

    app.patch(
      `${base}/actions/:actionId`,
      {
        config: { permission: 'capa.manage' },
        schema: { tags, params: capaActionParams, body: capaActionUpdate, response: { 200: capaActionView } },
      },
      async (request) => {
        const { id, actionId } = request.params;
        const view = await updateAction(deps.db, contextOf(request), id, actionId, request.body);
        changed(id);
        return view;
      },
    );

    // The action's owner may report it done without capa.manage (capas.policy.ts: mayCompleteAction).
    app.post(
      `${base}/actions/:actionId/complete`,
      {
        config: { permission: 'capa.read' },
        schema: {
          tags,
          params: capaActionParams,
          body: capaActionComplete,
          response: { 200: capaActionView },
        },
      },
      async (request) => {
        const { id, actionId } = request.params;
        const view = await completeAction(deps.db, contextOf(request), id, actionId, request.body.note);
        changed(id);
        return view;
      },
    );

    app.post(
      `${base}/actions/:actionId/cancel`,
      {
        config: { permission: 'capa.manage' },
        schema: { tags, params: capaActionParams, body: capaActionCancel, response: { 200: capaActionView } },
      },
      async (request) => {
        const { id, actionId } = request.params;
        const view = await cancelAction(deps.db, contextOf(request), id, actionId, request.body.note ?? null);
        changed(id);
        return view;
      },
    );

    // Evidence is added by those who run the report or verify it, until it is closed or dismissed.
    app.post(
      `${base}/attachments`,
      {
        config: { permission: 'capa.read' },
        schema: {
          tags,
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 201: capaAttachment },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const stored = await uploadOntoRecord(request, reply, deps, {
          entityType: 'capa',
          entityId: id,
          owner: { capaId: id },
          admit: () => admitCapaUpload(deps.db, request.actor!, id),
        });
        if (!stored) return reply;
        changed(id);
        return reply.status(201).send(await capaAttachmentView(deps.db, id, stored.id));
      },
    );

    app.get(
      `${base}/attachments/:attachmentId`,
      { config: { permission: 'capa.read' }, schema: { tags, params: capaAttachmentParams } },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        const row = await capaAttachmentFile(deps.db, request.actor!, id, attachmentId);
        return sendAttachment(reply, deps.attachments, row);
      },
    );

    // A file taken off by whoever uploaded it while the report is still running; after that it is record.
    app.delete(
      `${base}/attachments/:attachmentId`,
      { config: { permission: 'capa.read' }, schema: { tags, params: capaAttachmentParams } },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        await removeCapaAttachment(deps.db, deps.attachments, contextOf(request), id, attachmentId);
        changed(id);
        return reply.status(204).send();
      },
    );
  };
}
