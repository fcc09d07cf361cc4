import type { Kysely, Selectable } from 'kysely';
import type { Attachment, DB } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { presentAttachment } from '../attachments/attachments.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireVisible } from './customers.policy.ts';
import { findCustomerName } from './customers.queries.ts';
import { customerDocuments, findCustomerDocument } from './documents.queries.ts';

const base = (customerId: number) => `/api/v1/customers/${customerId}/documents`;

/** 客户资料 of a customer the actor may see, newest first. */
export async function listDocuments(db: Kysely<DB>, actor: Actor, customerId: number) {
  requireVisible(actor, await findCustomerName(db, customerId));
  return (await customerDocuments(db, customerId)).map((r) => ({
    ...presentAttachment(r, base(customerId)),
    uploadedBy: r.uploader,
  }));
}

/** One file of a customer the actor may see; 404 for a file of another customer or none. */
export async function findDocument(db: Kysely<DB>, actor: Actor, customerId: number, documentId: number) {
  return requireVisible(actor, await findCustomerDocument(db, customerId, documentId));
}

/** The customer a file is uploaded onto (its name for the audit label); 404 when there is none. */
export async function admitDocument(db: Kysely<DB>, actor: Actor, customerId: number) {
  return requireVisible(actor, await findCustomerName(db, customerId)).name;
}

/** Audits a stored upload and presents it. */
export async function recordDocument(
  db: Kysely<DB>,
  ctx: RequestContext,
  customer: { id: number; name: string },
  row: Selectable<Attachment>,
) {
  await recordAudit(db, ctx, {
    action: 'customer.document',
    entityType: 'customer',
    entityId: customer.id,
    entityLabel: customer.name,
    after: { attachmentId: row.id, fileName: row.file_name, size: row.size_bytes },
  });
  return { ...presentAttachment(row, base(customer.id)), uploadedBy: ctx.actor.displayName };
}
