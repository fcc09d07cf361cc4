import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Requests among themselves: merging and splitting conversations, links, and who else is on a request. */

/** Moves a request's whole conversation to another; the number of messages moved. */
export async function moveAllMessages(db: Kysely<DB>, fromTicketId: number, toTicketId: number) {
  const moved = await db
    .updateTable('ticket_message')
    .set({ ticket_id: toTicketId })
    .where('ticket_id', '=', fromTicketId)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/** Of `messageIds`, those that belong to the request. */
export function messageIdsOf(db: Kysely<DB>, ticketId: number, messageIds: number[]) {
  return db
    .selectFrom('ticket_message')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('id', 'in', messageIds)
    .execute();
}

export async function moveMessages(db: Kysely<DB>, messageIds: number[], toTicketId: number) {
  await db
    .updateTable('ticket_message')
    .set({ ticket_id: toTicketId })
    .where('id', 'in', messageIds)
    .execute();
}

export async function insertLink(
  db: Kysely<DB>,
  link: { ticketId: number; relatedId: number; kind: 'merged_into' | 'split_from' | 'related' },
) {
  const values = { ticket_id: link.ticketId, related_id: link.relatedId, kind: link.kind };
  if (link.kind === 'split_from') await db.insertInto('ticket_link').values(values).execute();
  else if (link.kind === 'merged_into')
    await db
      .insertInto('ticket_link')
      .values(values)
      .onConflict((oc) => oc.columns(['ticket_id', 'related_id']).doUpdateSet({ kind: 'merged_into' }))
      .execute();
  else
    await db
      .insertInto('ticket_link')
      .values(values)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export async function deleteRelatedLink(db: Kysely<DB>, ticketId: number, relatedId: number) {
  await db
    .deleteFrom('ticket_link')
    .where('ticket_id', '=', ticketId)
    .where('related_id', '=', relatedId)
    .where('kind', '=', 'related')
    .execute();
}

/** Requests linked to one, either direction, with the kind of link. */
export async function linksOf(db: Kysely<DB>, id: number) {
  const result = await sql<{
    id: number;
    number: string;
    subject: string;
    status: string;
    kind: string;
    direction: 'out' | 'in';
  }>`
    SELECT t.id, t.number, t.subject, t.status, l.kind, 'out' AS direction FROM ticket_link l JOIN ticket t ON t.id = l.related_id WHERE l.ticket_id = ${id}
    UNION ALL
    SELECT t.id, t.number, t.subject, t.status, l.kind, 'in' AS direction FROM ticket_link l JOIN ticket t ON t.id = l.ticket_id WHERE l.related_id = ${id}
    ORDER BY id LIMIT 200`.execute(db);
  return result.rows;
}

export async function upsertPresence(db: Kysely<DB>, ticketId: number, userId: number, composing: boolean) {
  await db
    .insertInto('ticket_presence')
    .values({ ticket_id: ticketId, user_id: userId, composing, seen_at: new Date() })
    .onConflict((oc) => oc.columns(['ticket_id', 'user_id']).doUpdateSet({ composing, seen_at: new Date() }))
    .execute();
}

/** The other agents seen on the request since `since`. */
export function othersPresent(db: Kysely<DB>, ticketId: number, userId: number, since: Date) {
  return db
    .selectFrom('ticket_presence')
    .innerJoin('app_user', 'app_user.id', 'ticket_presence.user_id')
    .select(['app_user.id as userId', 'app_user.display_name as displayName', 'ticket_presence.composing'])
    .where('ticket_presence.ticket_id', '=', ticketId)
    .where('ticket_presence.user_id', '<>', userId)
    .where('ticket_presence.seen_at', '>', since)
    .limit(20)
    .execute();
}
