import type { Insertable, Kysely } from 'kysely';
import type { Attachment, DB } from '../../db/schema.ts';
import type { PortalScope } from '../portal/portal.policy.ts';

export function insertAttachment(db: Kysely<DB>, row: Insertable<Attachment>) {
  return db.insertInto('attachment').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findAttachment(db: Kysely<DB>, id: number) {
  return db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A file with what the portal policy needs: who raised its request and which kind of message carries it. */
export function findAttachmentWithOwner(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('attachment')
    .leftJoin('ticket', 'ticket.id', 'attachment.ticket_id')
    .leftJoin('ticket_message', 'ticket_message.id', 'attachment.message_id')
    .selectAll('attachment')
    .select(['ticket.contact_id as ticket_contact_id', 'ticket_message.kind as message_kind'])
    .where('attachment.id', '=', id)
    .executeTakeFirst();
}
export type AttachmentWithOwner = NonNullable<Awaited<ReturnType<typeof findAttachmentWithOwner>>>;

/** Every file on a request, staff drafts and internal notes included. */
export function listTicketAttachments(db: Kysely<DB>, ticketId: number) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .limit(500)
    .execute();
}

/**
 * The files of a request the contact may see (the SQL side of attachments.policy.ts): on their own
 * request, and on a public message or uploaded by them and not sent yet.
 */
export function listPortalTicketAttachments(db: Kysely<DB>, scope: PortalScope, ticketId: number) {
  return db
    .selectFrom('attachment')
    .innerJoin('ticket', 'ticket.id', 'attachment.ticket_id')
    .leftJoin('ticket_message', 'ticket_message.id', 'attachment.message_id')
    .selectAll('attachment')
    .where('attachment.ticket_id', '=', ticketId)
    .where('ticket.contact_id', '=', scope.contactId)
    .where((eb) =>
      eb.or([
        eb('ticket_message.kind', '=', 'public'),
        eb.and([
          eb('attachment.message_id', 'is', null),
          eb('attachment.uploaded_by_contact_id', '=', scope.contactId),
        ]),
      ]),
    )
    .orderBy('attachment.id')
    .limit(500)
    .execute();
}

/**
 * Links files of the request that this uploader (a staff user or a contact) uploaded and that are not yet
 * on a message to this message; returns how many were linked.
 */
export async function linkAttachments(
  db: Kysely<DB>,
  ticketId: number,
  messageId: number,
  attachmentIds: number[],
  uploader: { userId: number } | { contactId: number },
): Promise<number> {
  const result = await db
    .updateTable('attachment')
    .set({ message_id: messageId })
    .where('id', 'in', attachmentIds)
    .where('ticket_id', '=', ticketId)
    .where('message_id', 'is', null)
    .where((eb) =>
      'userId' in uploader
        ? eb('uploaded_by_user_id', '=', uploader.userId)
        : eb('uploaded_by_contact_id', '=', uploader.contactId),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes a file not yet sent with a message, if this uploader uploaded it; returns its storage key. */
export function deleteUnsentAttachment(
  db: Kysely<DB>,
  id: number,
  owner: { userId?: number; contactId?: number },
) {
  let query = db.deleteFrom('attachment').where('id', '=', id).where('message_id', 'is', null);
  query = owner.userId
    ? query.where('uploaded_by_user_id', '=', owner.userId)
    : query.where('uploaded_by_contact_id', '=', owner.contactId ?? 0);
  return query.returning('storage_key').executeTakeFirst();
}
