import { type InsertObject, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { indexTerms } from '../../search/text-search.ts';

/** A request's conversation (public replies, internal notes, customer messages) and its history. */

export async function insertMessage(db: Kysely<DB>, row: InsertObject<DB, 'ticket_message'>) {
  return (await db.insertInto('ticket_message').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function listMessages(db: Kysely<DB>, ticketId: number, includeInternal: boolean) {
  let query = db
    .selectFrom('ticket_message')
    .leftJoin('app_user', 'app_user.id', 'ticket_message.author_user_id')
    .leftJoin('contact', 'contact.id', 'ticket_message.author_contact_id')
    .select([
      'ticket_message.id',
      'ticket_message.kind',
      'ticket_message.channel',
      'ticket_message.author_user_id',
      'ticket_message.body',
      'ticket_message.created_at',
      sql<string | null>`coalesce(app_user.display_name, contact.name)`.as('author_name'),
    ])
    .where('ticket_message.ticket_id', '=', ticketId)
    .orderBy('ticket_message.id')
    .limit(1000);
  if (!includeInternal) query = query.where('ticket_message.kind', '=', 'public');
  return query.execute();
}

/** The stored search terms of a text (see search/text-search.ts). */
export const termsVector = (text: string) => sql<string>`array_to_tsvector(${indexTerms(text)}::text[])`;

/** The request's history, oldest first. */
export function listEvents(db: Kysely<DB>, ticketId: number) {
  return db
    .selectFrom('ticket_event')
    .leftJoin('app_user', 'app_user.id', 'ticket_event.actor_user_id')
    .select([
      'ticket_event.id',
      'ticket_event.kind',
      'ticket_event.occurred_at',
      'ticket_event.data',
      'app_user.display_name',
    ])
    .where('ticket_event.ticket_id', '=', ticketId)
    .orderBy('ticket_event.id')
    .limit(500)
    .execute();
}
export type TicketEventRow = Awaited<ReturnType<typeof listEvents>>[number];
export type TicketMessageRow = Awaited<ReturnType<typeof listMessages>>[number];
