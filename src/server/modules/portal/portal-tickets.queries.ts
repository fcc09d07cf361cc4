import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { cursorId } from '../../http/paging.ts';
import type { PortalScope } from './portal.policy.ts';

function withType(db: Kysely<DB>) {
  return db
    .selectFrom('ticket')
    .innerJoin('ticket_type', 'ticket_type.id', 'ticket.type_id')
    .selectAll('ticket')
    .select('ticket_type.code as type_code');
}

/** One of the contact's own requests (not a merged duplicate), or undefined. */
export function findOwnTicket(db: Kysely<DB>, scope: PortalScope, id: number) {
  return withType(db)
    .where('ticket.id', '=', id)
    .where('ticket.contact_id', '=', scope.contactId)
    .where('ticket.merged_into_id', 'is', null)
    .executeTakeFirst();
}
export type PortalTicketRow = NonNullable<Awaited<ReturnType<typeof findOwnTicket>>>;

/** The contact's own requests, newest first, keyset on id; fetches limit + 1 rows. */
export function listOwnTickets(
  db: Kysely<DB>,
  scope: PortalScope,
  page: { cursor?: string | undefined; limit: number },
) {
  let query = withType(db)
    .where('ticket.contact_id', '=', scope.contactId)
    .where('ticket.merged_into_id', 'is', null)
    .orderBy('ticket.id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) query = query.where('ticket.id', '<', cursorId(page.cursor));
  return query.execute();
}

/** The request type used when the customer does not choose one. */
export async function inquiryTypeId(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('ticket_type')
    .select('id')
    .where('code', '=', 'inquiry')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Request types a customer may choose (care visits are staff-only). */
function portalTicketTypes(db: Kysely<DB>) {
  return db
    .selectFrom('ticket_type')
    .select(['id', 'code', 'label'])
    .where('is_active', '=', true)
    .where('code', '<>', 'care_visit');
}

export function listPortalTicketTypes(db: Kysely<DB>) {
  return portalTicketTypes(db).orderBy('sort_order').limit(100).execute();
}

/** One type the portal offers; undefined for any other (inactive, staff-only, unknown). */
export function findPortalTicketType(db: Kysely<DB>, id: number) {
  return portalTicketTypes(db).where('id', '=', id).executeTakeFirst();
}

export function findTicketNumber(db: Kysely<DB>, id: number) {
  return db.selectFrom('ticket').select(['number', 'subject']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function setRating(db: Kysely<DB>, id: number, score: number, comment: string | null) {
  await db
    .updateTable('ticket')
    .set({ satisfaction: score, satisfaction_comment: comment, rated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertRatedEvent(db: Kysely<DB>, ticketId: number, score: number) {
  await db
    .insertInto('ticket_event')
    .values({ ticket_id: ticketId, kind: 'rated', data: JSON.stringify({ score }) })
    .execute();
}
