import { type ExpressionBuilder, type InsertObject, type Kysely, sql, type UpdateObject } from 'kysely';
import type { TicketListQuery } from '../../../shared/schemas/tickets.ts';
import { OPEN_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { DB } from '../../db/schema.ts';
import { indexTerms } from '../../search/text-search.ts';
import type { TicketScope } from './tickets.policy.ts';

/** The SQL of the scope decided in tickets.policy.ts: everything, or own + teams' + unassigned. */
/** The SQL side of the tickets policy's scope; other modules listing requests filter with it too. */
export function scoped(eb: ExpressionBuilder<DB, 'ticket'>, scope: TicketScope) {
  if (scope.all) return eb.lit(true);
  return eb.or([
    eb('ticket.assignee_id', '=', scope.userId),
    eb('ticket.assignee_id', 'is', null),
    eb(
      'ticket.team_id',
      'in',
      eb.selectFrom('team_member').select('team_id').where('user_id', '=', scope.userId),
    ),
  ]);
}

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('ticket')
    .innerJoin('ticket_type', 'ticket_type.id', 'ticket.type_id')
    .leftJoin('customer', 'customer.id', 'ticket.customer_id')
    .leftJoin('contact', 'contact.id', 'ticket.contact_id')
    .leftJoin('app_user as assignee', 'assignee.id', 'ticket.assignee_id')
    .selectAll('ticket')
    .select([
      'ticket_type.code as type_code',
      'customer.name as customer_name',
      'customer.class as customer_class',
      'contact.name as contact_name',
      'assignee.display_name as assignee_name',
    ]);
}
export type TicketRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

/** The request with its names when it lies within `scope` (tickets.policy.ts `scopeOf`). */
export function findTicket(db: Kysely<DB>, id: number, scope: TicketScope) {
  return withNames(db)
    .where('ticket.id', '=', id)
    .where((eb) => scoped(eb, scope))
    .executeTakeFirst();
}

export async function lockTicket(db: Kysely<DB>, id: number) {
  return db.selectFrom('ticket').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Newest first, keyset on id; `tsQuery` searches subjects, descriptions and every message. */
export function listTickets(
  db: Kysely<DB>,
  f: TicketListQuery & { tsQuery: string | null },
  scope: TicketScope,
  now = new Date(),
) {
  let query = withNames(db)
    .where((eb) => scoped(eb, scope))
    .limit(f.limit + 1);
  // Keyset pagination for each sort order: the cursor carries the sort value of the last row and its id.
  const [cursorValue, cursorId] = f.cursor?.includes('|') ? f.cursor.split('|') : [undefined, f.cursor];
  const afterId = cursorId ? Number(cursorId) : undefined;
  if (f.sort === 'updated') {
    query = query.orderBy('ticket.updated_at', 'desc').orderBy('ticket.id', 'desc');
    if (cursorValue && afterId) {
      const at = new Date(cursorValue);
      query = query.where((eb) =>
        eb.or([
          eb('ticket.updated_at', '<', at),
          eb.and([eb('ticket.updated_at', '=', at), eb('ticket.id', '<', afterId)]),
        ]),
      );
    }
  } else if (f.sort === 'due') {
    query = query.orderBy(sql`ticket.resolution_due_at ASC NULLS LAST`).orderBy('ticket.id', 'asc');
    if (cursorValue && afterId) {
      if (cursorValue === 'none')
        query = query.where('ticket.resolution_due_at', 'is', null).where('ticket.id', '>', afterId);
      else {
        const at = new Date(cursorValue);
        query = query.where((eb) =>
          eb.or([
            eb('ticket.resolution_due_at', '>', at),
            eb('ticket.resolution_due_at', 'is', null),
            eb.and([eb('ticket.resolution_due_at', '=', at), eb('ticket.id', '>', afterId)]),
          ]),
        );
      }
    }
  } else {
    query = query.orderBy('ticket.id', 'desc');
    if (afterId) query = query.where('ticket.id', '<', afterId);
  }
  if (f.categoryId) query = query.where('ticket.category_id', '=', f.categoryId);
  if (f.status) query = query.where('ticket.status', '=', f.status);
  if (f.priority) query = query.where('ticket.priority', '=', f.priority);
  if (f.channel) query = query.where('ticket.channel', '=', f.channel);
  if (f.typeId) query = query.where('ticket.type_id', '=', f.typeId);
  if (f.assigneeId) query = query.where('ticket.assignee_id', '=', f.assigneeId);
  if (f.teamId) query = query.where('ticket.team_id', '=', f.teamId);
  if (f.customerId) query = query.where('ticket.customer_id', '=', f.customerId);
  if (f.tag) query = query.where(sql<boolean>`ticket.tags @> ARRAY[${f.tag}]::text[]`);
  const open = [...OPEN_STATUSES];
  switch (f.view) {
    case 'mine':
      query = query.where('ticket.assignee_id', '=', scope.userId).where('ticket.status', 'in', open);
      break;
    case 'unassigned':
      query = query.where('ticket.assignee_id', 'is', null).where('ticket.status', 'in', open);
      break;
    case 'open':
      query = query.where('ticket.status', 'in', open);
      break;
    case 'waiting':
      query = query.where('ticket.status', 'in', ['waiting_customer', 'waiting_third_party']);
      break;
    case 'due_soon':
      query = query
        .where('ticket.status', 'in', open)
        .where((eb) =>
          eb.or([
            eb.and([
              eb('ticket.first_responded_at', 'is', null),
              eb('ticket.first_response_warn_at', '<=', now),
            ]),
            eb('ticket.resolution_warn_at', '<=', now),
          ]),
        );
      break;
    case 'breached':
      query = query.where((eb) =>
        eb.or([eb('ticket.first_response_breached', '=', true), eb('ticket.resolution_breached', '=', true)]),
      );
      break;
  }
  // Subject, description and every message, in one vector kept by triggers (migration 0014).
  if (f.tsQuery) query = query.where(sql<boolean>`ticket.search_all @@ ${f.tsQuery}::tsquery`);
  return query.execute();
}

export async function insertTicket(db: Kysely<DB>, row: InsertObject<DB, 'ticket'>) {
  return (await db.insertInto('ticket').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTicketRow(db: Kysely<DB>, id: number, patch: UpdateObject<DB, 'ticket'>) {
  await db
    .updateTable('ticket')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

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

export async function insertEvent(db: Kysely<DB>, row: InsertObject<DB, 'ticket_event'>) {
  await db.insertInto('ticket_event').values(row).execute();
}

/** The stored search terms of a text (see search/text-search.ts). */
export const termsVector = (text: string) => sql<string>`array_to_tsvector(${indexTerms(text)}::text[])`;

/** Active request types for the registration form. */
export function listActiveTypes(db: Kysely<DB>) {
  return db
    .selectFrom('ticket_type')
    .select(['id', 'code', 'label'])
    .where('is_active', '=', true)
    .orderBy('sort_order')
    .limit(200)
    .execute();
}

/** An active user who can be given a request. */
export function findActiveUser(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

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

export function findTypeById(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('ticket_type')
    .selectAll()
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst();
}

/** The cursor that continues a list after this row, for the list's sort order. */
export function cursorAfter(row: TicketRow, sort: TicketListQuery['sort']): string {
  if (sort === 'updated') return `${row.updated_at.toISOString()}|${row.id}`;
  if (sort === 'due') return `${row.resolution_due_at?.toISOString() ?? 'none'}|${row.id}`;
  return String(row.id);
}

/** Open requests past the early-warning share of a clock (预警) that have not been warned yet. */
export function warnableTickets(db: Kysely<DB>, now: Date, limit = 500) {
  return db
    .selectFrom('ticket')
    .select([
      'id',
      'number',
      'subject',
      'assignee_id',
      'team_id',
      'first_responded_at',
      'first_response_warn_at',
      'first_response_warned',
      'resolution_warn_at',
      'resolution_warned',
      'resolved_at',
    ])
    .where(
      'status',
      'in',
      [...OPEN_STATUSES].filter((s) => s !== 'waiting_customer'),
    )
    .where((eb) =>
      eb.or([
        eb.and([
          eb('first_response_warned', '=', false),
          eb('first_responded_at', 'is', null),
          eb('first_response_warn_at', '<=', now),
        ]),
        eb.and([
          eb('resolution_warned', '=', false),
          eb('resolved_at', 'is', null),
          eb('resolution_warn_at', '<=', now),
        ]),
      ]),
    )
    .limit(limit)
    .execute();
}

/** Open requests whose clock ran out and is not yet marked breached. */
export function overdueTickets(db: Kysely<DB>, now: Date, limit = 500) {
  return db
    .selectFrom('ticket')
    .select([
      'id',
      'number',
      'subject',
      'priority',
      'assignee_id',
      'team_id',
      'first_response_due_at',
      'first_responded_at',
      'resolution_due_at',
      'first_response_breached',
      'resolution_breached',
    ])
    .where(
      'status',
      'in',
      [...OPEN_STATUSES].filter((s) => s !== 'waiting_customer'),
    )
    .where((eb) =>
      eb.or([
        eb.and([
          eb('first_response_breached', '=', false),
          eb('first_responded_at', 'is', null),
          eb('first_response_due_at', '<', now),
        ]),
        eb.and([eb('resolution_breached', '=', false), eb('resolution_due_at', '<', now)]),
      ]),
    )
    .limit(limit)
    .execute();
}

export function findSlaPolicy(db: Kysely<DB>, id: number) {
  return db.selectFrom('sla_policy').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findActiveSlaPolicy(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('sla_policy')
    .selectAll()
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst();
}

/** Active SLA policies in the order they are tried. */
export function activeSlaPolicies(db: Kysely<DB>) {
  return db
    .selectFrom('sla_policy')
    .selectAll()
    .where('is_active', '=', true)
    .orderBy('position')
    .orderBy('id')
    .limit(200)
    .execute();
}

export async function teamLeadOf(db: Kysely<DB>, teamId: number | null): Promise<number | null> {
  if (!teamId) return null;
  const team = await db.selectFrom('team').select('lead_user_id').where('id', '=', teamId).executeTakeFirst();
  return team?.lead_user_id ?? null;
}

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
