import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { Attachment, DB } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { PortalActor } from '../../http/authentication.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { readSetting } from '../organisation/settings.queries.ts';
import { scopeOf as portalScopeOf, requireVisible as requireOwnRequest } from '../portal/portal.policy.ts';
import { findOwnTicket } from '../portal/portal-tickets.queries.ts';
import { requireVisible as requireTicket, scopeOf as ticketScopeOf } from '../tickets/tickets.policy.ts';
import { findTicket } from '../tickets/tickets.queries.ts';
import { cleanFileName, kindOf, matchesSignature } from './attachment-types.ts';
import { requireVisible, requireVisibleToPortal } from './attachments.policy.ts';
import * as q from './attachments.queries.ts';
import { ObjectStoreError } from './s3-store.ts';
import type { AttachmentStore } from './store.ts';
import { StoredFileMissingError, TooLargeError } from './store.ts';

export const ATTACHMENT_DEFAULTS = { maxMegabytes: 20 };

/** The attachment limits every signed-in user may read (the upload form shows them before a file is sent). */
export function attachmentSettings(db: Kysely<DB>) {
  return readSetting(db, 'attachments', ATTACHMENT_DEFAULTS);
}

export function presentAttachment(a: Selectable<Attachment>, base: string) {
  const kind = kindOf(a.file_name);
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    size: a.size_bytes,
    messageId: a.message_id,
    /** Uploaded by staff and not sent yet: the uploader's draft, not part of the customer's request. */
    staffDraft: a.message_id === null && a.uploaded_by_user_id !== null,
    isImage: !!kind?.inline,
    url: `${base}/${a.id}`,
    createdAt: a.created_at.toISOString(),
  };
}

/** The request a staff member attaches to or reads files of, through their request scope; else a 404. */
async function visibleTicket(db: Kysely<DB>, actor: Actor, ticketId: number) {
  return requireTicket(actor, await findTicket(db, ticketId, ticketScopeOf(actor)));
}

/** Checks a staff upload's request before the file is stored (a hidden request is a 404). */
export async function admitTicketUpload(db: Kysely<DB>, actor: Actor, ticketId: number): Promise<void> {
  await visibleTicket(db, actor, ticketId);
}

/** The files of a request the actor sees, drafts and internal notes included. */
export async function listTicketFiles(db: Kysely<DB>, actor: Actor, ticketId: number) {
  await visibleTicket(db, actor, ticketId);
  return q.listTicketAttachments(db, ticketId);
}

/** A request file for download, through the request's check. */
export async function findTicketFile(db: Kysely<DB>, actor: Actor, id: number) {
  const file = await q.findAttachment(db, id);
  const owner = file?.ticket_id ? await findTicket(db, file.ticket_id, ticketScopeOf(actor)) : undefined;
  return requireVisible(actor, file, owner);
}

/** Checks a portal upload's request: one the contact raised and can see; else a 404. */
export async function admitPortalUpload(db: Kysely<DB>, portal: PortalActor, ticketId: number) {
  return requireOwnRequest(portal, await findOwnTicket(db, portalScopeOf(portal), ticketId));
}

/** The files of one of the contact's own requests that the contact may see. */
export async function listPortalFiles(db: Kysely<DB>, portal: PortalActor, ticketId: number) {
  requireOwnRequest(portal, await findOwnTicket(db, portalScopeOf(portal), ticketId));
  return q.listPortalTicketAttachments(db, portalScopeOf(portal), ticketId);
}

/** A file for download in the portal, through its request's check. */
export async function findPortalFile(db: Kysely<DB>, portal: PortalActor, id: number) {
  return requireVisibleToPortal(portal, await q.findAttachmentWithOwner(db, id));
}

/** A file kept on a record (an application, a CAPA, a return), downloaded from `base`/its id. */
export function presentRecordFile(a: Selectable<Attachment>, base: string) {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    size: a.size_bytes,
    isImage: !!kindOf(a.file_name)?.inline,
    url: `${base}/${a.id}`,
    createdAt: a.created_at.toISOString(),
  };
}

/**
 * Streams an upload into the store after checking its type, signature and size; records it on what it
 * belongs to (a request, or a new-customer application).
 */
export async function storeUpload(
  db: Kysely<DB>,
  store: AttachmentStore,
  file: MultipartFile | undefined,
  owner: {
    ticketId?: number | null;
    customerApplicationId?: number | null;
    customerId?: number | null;
    capaId?: number | null;
    returnId?: number | null;
    userId?: number | null;
    contactId?: number | null;
  },
  /** A staff upload is audited on the record it hangs on, in the transaction that writes its row. */
  audit?: { ctx: RequestContext; entityType: string; entityId: number; entityLabel?: string },
) {
  if (!file)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'file', message: 'a file is required' }],
    });
  const fileName = cleanFileName(file.filename);
  const kind = kindOf(fileName);
  if (!kind) {
    file.file.resume();
    throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
  }
  const { maxMegabytes } = await readSetting(db, 'attachments', ATTACHMENT_DEFAULTS);
  let stored: Awaited<ReturnType<AttachmentStore['put']>>;
  try {
    stored = await store.put(file.file, { maxBytes: maxMegabytes * 1024 * 1024 });
  } catch (error) {
    if (error instanceof TooLargeError || file.file.truncated) throw new AppError('ATTACHMENT_TOO_LARGE');
    throw storeFault(error);
  }
  if (!matchesSignature(kind, stored.head)) {
    await store.remove(stored.key);
    throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED');
  }
  const values = {
    storage_key: stored.key,
    file_name: fileName,
    content_type: kind.type,
    size_bytes: stored.size,
    sha256: stored.sha256,
    ticket_id: owner.ticketId ?? null,
    customer_application_id: owner.customerApplicationId ?? null,
    customer_id: owner.customerId ?? null,
    capa_id: owner.capaId ?? null,
    return_id: owner.returnId ?? null,
    uploaded_by_user_id: owner.userId ?? null,
    uploaded_by_contact_id: owner.contactId ?? null,
  };
  if (!audit) return q.insertAttachment(db, values);
  return db.transaction().execute(async (trx) => {
    const row = await q.insertAttachment(trx, values);
    await recordAudit(trx, audit.ctx, {
      action: 'attachment.upload',
      entityType: audit.entityType,
      entityId: audit.entityId,
      ...(audit.entityLabel ? { entityLabel: audit.entityLabel } : {}),
      after: { attachmentId: row.id, fileName: row.file_name, size: row.size_bytes },
    });
    return row;
  });
}

/**
 * Sends a stored file with headers that keep it inert: the type we decided (never the uploader's), no
 * sniffing, a sandboxing CSP, and inline display only for raster images.
 */
export async function sendAttachment(reply: FastifyReply, store: AttachmentStore, a: Selectable<Attachment>) {
  // Opened before any header is set, so that a missing file answers as a plain error.
  const bytes = await store.open(a.storage_key).catch((error: unknown) => {
    throw storeFault(error);
  });
  const inline = !!kindOf(a.file_name)?.inline;
  const encoded = encodeURIComponent(a.file_name);
  reply
    .header('content-type', a.content_type)
    .header('content-length', String(a.size_bytes))
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${encoded}"; filename*=UTF-8''${encoded}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
    .header('cache-control', 'private, max-age=3600');
  return reply.send(bytes);
}

/** A store that lost a file or cannot be reached is told as such, not as an internal error. */
function storeFault(error: unknown): unknown {
  if (error instanceof StoredFileMissingError) return new AppError('ATTACHMENT_FILE_MISSING');
  if (error instanceof ObjectStoreError) return new AppError('ATTACHMENT_STORE_UNAVAILABLE');
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ENOTFOUND')
    return new AppError('ATTACHMENT_STORE_UNAVAILABLE');
  return error;
}

/**
 * Links uploaded files to the message they were sent with: only files of that request that the message's
 * author uploaded (`userId` for staff, `contactId` for a customer) and that are not yet on a message —
 * anyone else's unsent upload, e.g. an agent's draft, is refused like an unknown id.
 */
export async function linkToMessage(
  db: Kysely<DB>,
  ticketId: number,
  messageId: number,
  attachmentIds: number[],
  author: { userId: number } | { contactId: number | null },
) {
  if (!attachmentIds.length) return;
  const uploader = 'userId' in author ? author : author.contactId ? { contactId: author.contactId } : null;
  const linked = uploader ? await q.linkAttachments(db, ticketId, messageId, attachmentIds, uploader) : 0;
  if (linked !== new Set(attachmentIds).size) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'attachmentIds', message: 'unknown or already used attachment' }],
    });
  }
}

/** Removes a file its uploader attached but never sent; anything already sent stays (it is history). */
export async function removeUnsent(
  db: Kysely<DB>,
  store: AttachmentStore,
  id: number,
  owner: { userId?: number; contactId?: number },
): Promise<boolean> {
  const row = await q.deleteUnsentAttachment(db, id, owner);
  if (!row) return false;
  await store.remove(row.storage_key);
  return true;
}
