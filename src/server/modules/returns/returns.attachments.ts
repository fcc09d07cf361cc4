import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import { returnAttachment, returnAttachmentParams } from '../../../shared/schemas/returns.ts';
import type { AppDeps } from '../../app-deps.ts';
import { uploadOntoRecord } from '../attachments/attachments.routes.ts';
import { sendAttachment } from '../attachments/attachments.service.ts';
import { presentReturnAttachment } from './returns.presenter.ts';
import { admitReturnUpload, returnAttachmentFile, returnAttachments } from './returns.service.ts';

/**
 * Photos and documents of a return (the goods as received, the defect as found). Anyone who works on
 * returns — filing, receiving or inspecting — may add them while the notice is open (returns.policy.ts:
 * mayAttach).
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
      async (request) => returnAttachments(deps.db, request.actor!, request.params.id),
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
          admit: () => admitReturnUpload(deps.db, actor, id),
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
        const row = await returnAttachmentFile(deps.db, request.actor!, id, attachmentId);
        return sendAttachment(reply, deps.attachments, row);
      },
    );
  };
}
