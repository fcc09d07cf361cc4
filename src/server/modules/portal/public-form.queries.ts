import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The public form's senders: an unverified contact, and what confirming one moves. */

export function findSender(db: Kysely<DB>, contactId: number) {
  return db
    .selectFrom('contact')
    .select(['id', 'name', 'email', 'phone', 'mobile', 'unverified'])
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
}

/** The sender of a request, when it is an unverified one. */
export function unverifiedSenderOf(db: Kysely<DB>, ticketId: number) {
  return db
    .selectFrom('ticket')
    .innerJoin('contact', 'contact.id', 'ticket.contact_id')
    .select(['contact.id'])
    .where('ticket.id', '=', ticketId)
    .where('contact.unverified', '=', true)
    .executeTakeFirst();
}

/** The requests (with their numbers) an unverified sender raised. */
export function requestsOfSender(db: Kysely<DB>, contactId: number) {
  return db.selectFrom('ticket').select(['id', 'number']).where('contact_id', '=', contactId).execute();
}

/**
 * Everything the unverified sender wrote moves to the contact they turned out to be (their requests join
 * that contact's portal history and customer file); the unverified contact is then removed.
 */
export async function moveSenderTo(
  db: Kysely<DB>,
  fromContactId: number,
  to: { id: number; customer_id: number | null },
) {
  await db
    .updateTable('ticket')
    .set((eb) => ({ contact_id: to.id, customer_id: eb.fn.coalesce('customer_id', eb.val(to.customer_id)) }))
    .where('contact_id', '=', fromContactId)
    .execute();
  await db
    .updateTable('ticket_message')
    .set({ author_contact_id: to.id })
    .where('author_contact_id', '=', fromContactId)
    .execute();
  await db
    .updateTable('attachment')
    .set({ uploaded_by_contact_id: to.id })
    .where('uploaded_by_contact_id', '=', fromContactId)
    .execute();
  await db
    .updateTable('complaint')
    .set({ contact_id: to.id })
    .where('contact_id', '=', fromContactId)
    .execute();
  await db.deleteFrom('contact').where('id', '=', fromContactId).execute();
}

/** A confirmed sender who matches nobody on file stays as their own, now verified, contact. */
export async function markVerified(db: Kysely<DB>, contactId: number) {
  await db.updateTable('contact').set({ unverified: false }).where('id', '=', contactId).execute();
}
