import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/context.ts';
import { storeOrRefuse } from '../attachments/attachments.routes.ts';
import { sendAttachment, storeUpload } from '../attachments/attachments.service.ts';
import { admitDocument, findDocument, listDocuments, recordDocument } from './documents.service.ts';

const documentView = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  isImage: z.boolean(),
  url: z.string(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
const documentParams = z.object({
  id: z.coerce.number().int().positive(),
  documentId: z.coerce.number().int().positive(),
});

/** 客户资料: licences, contracts and other files kept with the customer file. */
export function customerDocumentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 5 } });
    const tags = ['customers'];

    app.get(
      '/api/v1/customers/:id/documents',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: z.array(documentView) } },
      },
      async (request) => listDocuments(deps.db, request.actor!, request.params.id),
    );
    app.post(
      '/api/v1/customers/:id/documents',
      {
        config: { permission: 'customer.update' },
        schema: { tags, params: idParam, consumes: ['multipart/form-data'], response: { 201: documentView } },
      },
      async (request, reply) => {
        const file = await request.file();
        let name: string;
        try {
          name = await admitDocument(deps.db, request.actor!, request.params.id);
        } catch (error) {
          file?.file.resume();
          throw error;
        }
        const row = await storeOrRefuse(request, reply, () =>
          storeUpload(deps.db, deps.attachments, file, {
            customerId: request.params.id,
            userId: request.actor!.userId,
          }),
        );
        if (!row) return reply;
        const view = await recordDocument(deps.db, contextOf(request), { id: request.params.id, name }, row);
        return reply.status(201).send(view);
      },
    );
    app.get(
      '/api/v1/customers/:id/documents/:documentId',
      { config: { permission: 'customer.read' }, schema: { tags, params: documentParams } },
      async (request, reply) => {
        const { id, documentId } = request.params;
        const row = await findDocument(deps.db, request.actor!, id, documentId);
        return sendAttachment(reply, deps.attachments, row);
      },
    );
  };
}
