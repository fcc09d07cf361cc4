import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { storeOrRefuse } from '../attachments/attachments.routes.ts';
import { presentAttachment, sendAttachment, storeUpload } from '../attachments/attachments.service.ts';
import { recordAudit } from '../audit/audit.service.ts';

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
    const base = (customerId: number) => `/api/v1/customers/${customerId}/documents`;
    const customerName = async (id: number) =>
      (await deps.db.selectFrom('customer').select('name').where('id', '=', id).executeTakeFirst())?.name;

    app.get(
      '/api/v1/customers/:id/documents',
      {
        config: { permission: 'customer.read' },
        schema: { tags, params: idParam, response: { 200: z.array(documentView) } },
      },
      async (request) => {
        if (!(await customerName(request.params.id))) throw notFound();
        const rows = await deps.db
          .selectFrom('attachment')
          .leftJoin('app_user', 'app_user.id', 'attachment.uploaded_by_user_id')
          .selectAll('attachment')
          .select('app_user.display_name as uploader')
          .where('attachment.customer_id', '=', request.params.id)
          .orderBy('attachment.id', 'desc')
          .limit(500)
          .execute();
        return rows.map((r) => ({
          ...presentAttachment(r, base(request.params.id)),
          uploadedBy: r.uploader,
        }));
      },
    );
    app.post(
      '/api/v1/customers/:id/documents',
      {
        config: { permission: 'customer.update' },
        schema: { tags, params: idParam, consumes: ['multipart/form-data'], response: { 201: documentView } },
      },
      async (request, reply) => {
        const file = await request.file();
        const name = await customerName(request.params.id);
        if (!name) {
          file?.file.resume();
          throw notFound();
        }
        const row = await storeOrRefuse(request, reply, () =>
          storeUpload(deps.db, deps.attachments, file, {
            customerId: request.params.id,
            userId: request.actor!.userId,
          }),
        );
        if (!row) return reply;
        await recordAudit(deps.db, contextOf(request), {
          action: 'customer.document',
          entityType: 'customer',
          entityId: request.params.id,
          entityLabel: name,
          after: { attachmentId: row.id, fileName: row.file_name, size: row.size_bytes },
        });
        return reply.status(201).send({
          ...presentAttachment(row, base(request.params.id)),
          uploadedBy: request.actor!.displayName,
        });
      },
    );
    app.get(
      '/api/v1/customers/:id/documents/:documentId',
      { config: { permission: 'customer.read' }, schema: { tags, params: documentParams } },
      async (request, reply) => {
        const row = await deps.db
          .selectFrom('attachment')
          .selectAll()
          .where('id', '=', request.params.documentId)
          .where('customer_id', '=', request.params.id)
          .executeTakeFirst();
        if (!row) throw notFound();
        return sendAttachment(reply, deps.attachments, row);
      },
    );
  };
}
