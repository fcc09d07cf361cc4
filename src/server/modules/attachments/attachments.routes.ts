import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Attachment } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { sendError } from '../../http/errors.ts';
import {
  admitPortalUpload,
  admitTicketUpload,
  attachmentSettings,
  findPortalFile,
  findTicketFile,
  listPortalFiles,
  listTicketFiles,
  presentAttachment,
  removeUnsent,
  sendAttachment,
  storeUpload,
} from './attachments.service.ts';

const attachmentView = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  messageId: z.number().nullable(),
  staffDraft: z.boolean(),
  isImage: z.boolean(),
  url: z.string(),
  createdAt: z.string(),
});

/**
 * A refused upload may leave part of the request body unread; the connection is closed after the answer
 * so the client does not send its next request into the remains of this one.
 */
export async function storeOrRefuse(
  request: FastifyRequest,
  reply: FastifyReply,
  store: () => Promise<Selectable<Attachment>>,
) {
  try {
    return await store();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    reply.raw.shouldKeepAlive = false;
    reply.header('connection', 'close');
    await sendError(reply, request, error.code, error.details);
    return null;
  }
}

/**
 * One file onto a record (an application, a CAPA, a return…) by a staff member. The part is read first,
 * so a refused upload still drains and the connection stays usable; `admit` refuses by throwing an
 * AppError, or gives the record's label for the audit log. Then the file is stored and its upload
 * audited. Null when the store refused the file: the answer has been sent already.
 */
export async function uploadOntoRecord(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppDeps, 'db' | 'attachments'>,
  record: {
    entityType: string;
    entityId: number;
    owner: Omit<Parameters<typeof storeUpload>[3], 'userId'>;
    admit: () => Promise<string>;
  },
): Promise<Selectable<Attachment> | null> {
  const file = await request.file();
  let label: string;
  try {
    label = await record.admit();
  } catch (error) {
    if (error instanceof AppError) file?.file.resume();
    throw error;
  }
  return storeOrRefuse(request, reply, () =>
    storeUpload(
      deps.db,
      deps.attachments,
      file,
      { ...record.owner, userId: request.actor!.userId },
      {
        ctx: contextOf(request),
        entityType: record.entityType,
        entityId: record.entityId,
        entityLabel: label,
      },
    ),
  );
}

export function attachmentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // The hard ceiling of the parser; the configurable limit (settings 'attachments') is checked while streaming.
    await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 5 } });
    const tags = ['attachments'];
    const staffBase = '/api/v1/attachments';
    const portalBase = '/api/portal/attachments';

    app.post(
      '/api/v1/tickets/:id/attachments',
      {
        config: { permission: 'ticket.update' },
        schema: {
          tags,
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentView },
        },
      },
      async (request, reply) => {
        // Read the part before refusing, so a refused upload still drains and the connection stays usable.
        const file = await request.file();
        try {
          await admitTicketUpload(deps.db, request.actor!, request.params.id);
        } catch (error) {
          file?.file.resume();
          throw error;
        }
        const row = await storeOrRefuse(request, reply, () =>
          storeUpload(
            deps.db,
            deps.attachments,
            file,
            { ticketId: request.params.id, userId: request.actor!.userId },
            { ctx: contextOf(request), entityType: 'ticket', entityId: request.params.id },
          ),
        );
        if (!row) return reply;
        return reply.status(201).send(presentAttachment(row, staffBase));
      },
    );
    app.get(
      '/api/v1/tickets/:id/attachments',
      {
        config: { permission: 'ticket.read' },
        schema: { tags, params: idParam, response: { 200: z.array(attachmentView) } },
      },
      async (request) =>
        (await listTicketFiles(deps.db, request.actor!, request.params.id)).map((r) =>
          presentAttachment(r, staffBase),
        ),
    );
    app.get(
      '/api/v1/attachments/:id',
      { config: { permission: 'ticket.read' }, schema: { tags, params: idParam } },
      async (request, reply) =>
        sendAttachment(
          reply,
          deps.attachments,
          await findTicketFile(deps.db, request.actor!, request.params.id),
        ),
    );

    // The customer: own requests only; files on internal notes stay internal (attachments.policy.ts).
    app.post(
      '/api/portal/tickets/:id/attachments',
      {
        config: { permission: 'portal' },
        schema: {
          tags,
          params: idParam,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentView },
        },
      },
      async (request, reply) => {
        const p = request.portal!;
        const file = await request.file();
        let own: Awaited<ReturnType<typeof admitPortalUpload>>;
        try {
          own = await admitPortalUpload(deps.db, p, request.params.id);
        } catch (error) {
          file?.file.resume();
          throw error;
        }
        const row = await storeOrRefuse(request, reply, () =>
          storeUpload(deps.db, deps.attachments, file, { ticketId: own.id, contactId: p.contactId }),
        );
        if (!row) return reply;
        return reply.status(201).send(presentAttachment(row, portalBase));
      },
    );
    app.get(
      '/api/portal/tickets/:id/attachments',
      {
        config: { permission: 'portal' },
        schema: { tags, params: idParam, response: { 200: z.array(attachmentView) } },
      },
      async (request) =>
        (await listPortalFiles(deps.db, request.portal!, request.params.id)).map((r) =>
          presentAttachment(r, portalBase),
        ),
    );
    app.get(
      '/api/portal/attachments/:id',
      { config: { permission: 'portal' }, schema: { tags, params: idParam } },
      async (request, reply) =>
        sendAttachment(
          reply,
          deps.attachments,
          await findPortalFile(deps.db, request.portal!, request.params.id),
        ),
    );

    app.get(
      '/api/v1/attachment-settings',
      {
        config: { permission: 'authenticated' },
        schema: { tags, response: { 200: z.object({ maxMegabytes: z.number() }) } },
      },
      async () => attachmentSettings(deps.db),
    );

    // A file taken off a message before sending; only its uploader may, and only while it is unsent.
    app.delete(
      '/api/v1/attachments/:id',
      { config: { permission: 'ticket.update' }, schema: { tags, params: idParam } },
      async (request, reply) => {
        const owner = { userId: request.actor!.userId };
        if (!(await removeUnsent(deps.db, deps.attachments, request.params.id, owner))) throw notFound();
        return reply.status(204).send();
      },
    );
    app.delete(
      '/api/portal/attachments/:id',
      { config: { permission: 'portal' }, schema: { tags, params: idParam } },
      async (request, reply) => {
        const owner = { contactId: request.portal!.contactId };
        if (!(await removeUnsent(deps.db, deps.attachments, request.params.id, owner))) throw notFound();
        return reply.status(204).send();
      },
    );
  };
}
