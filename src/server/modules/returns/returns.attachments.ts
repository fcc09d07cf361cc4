import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { returnAttachment, returnAttachmentParams } from '../../../shared/schemas/returns.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, forbidden, notFound } from '../../http/app-error.ts';
import { can } from '../../http/context.ts';
import { uploadOntoRecord } from '../attachments/attachments.routes.ts';
import { sendAttachment } from '../attachments/attachments.service.ts';
import { presentReturnAttachment } from './returns.presenter.ts';
import * as q from './returns.queries.ts';

/**
 * Photos and documents of a return (the goods as received, the defect as found). Anyone who works on
 * returns — filing, receiving or inspecting — may add them while the notice is open.
 */
export function returnAttachmentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 5 } });
    const tags = ['returns'];
    const base = '/api/v1/returns/:id/attachments';

    app.get(
      base,
      {
        config: { permission: 'return.read' },
        schema: { tags, params: idParam, response: { 200: z.array(returnAttachment) } },
      },
      async (request) => {
        const { id } = request.params;
        if (!(await q.findReturn(deps.db, id))) throw notFound();
        return (await q.attachmentsOf(deps.db, id)).map((a) => presentReturnAttachment(a, id));
      },
    );

    app.post(
      base,
      {
        config: { permission: 'return.read' },
        schema: {
          tags,
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 201: returnAttachment },
        },
      },
      async (request, reply) => {
        const actor = request.actor!;
        const { id } = request.params;
        const stored = await uploadOntoRecord(request, reply, deps, {
          entityType: 'return_notice',
          entityId: id,
          owner: { returnId: id },
          admit: async () => {
            if (
              !can(actor, 'return.manage') &&
              !can(actor, 'return.receive') &&
              !can(actor, 'return.inspect')
            )
              throw forbidden();
            const row = await q.findReturn(deps.db, id);
            if (!row) throw notFound();
            if (row.status === 'closed' || row.status === 'cancelled') throw new AppError('RETURN_CLOSED');
            return `${row.number} ${row.customer_name}`;
          },
        });
        if (!stored) return reply;
        void deps.live.publish({ topic: 'returns', id });
        return reply
          .status(201)
          .send(presentReturnAttachment({ ...stored, uploader_name: actor.displayName }, id));
      },
    );

    app.get(
      `${base}/:attachmentId`,
      { config: { permission: 'return.read' }, schema: { tags, params: returnAttachmentParams } },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        const row = await q.findAttachment(deps.db, id, attachmentId);
        if (!row) throw notFound();
        return sendAttachment(reply, deps.attachments, row);
      },
    );
  };
}
