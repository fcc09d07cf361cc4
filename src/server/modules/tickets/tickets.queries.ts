import { type ExpressionBuilder, type InsertObject, type Kysely, sql, type UpdateObject } from 'kysely';
import type { TicketListQuery } from '../../../shared/schemas/tickets.ts';
import { OPEN_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { DB } from '../../db/schema.ts';
import { keyedCursor } from '../../http/paging.ts';
import type { TicketScope } from './tickets.policy.ts';

/**
 * The request itself: its scope, the list and its cursor, one row read, locked, inserted, updated, its
 * events, and the types and people the form offers. Messages and history are in
 * tickets-messages.queries.ts, SLA clocks in tickets-sla.queries.ts, links, merge, split and presence in
 * tickets-relations.queries.ts.
 */

/** The SQL of the scope decided in tickets.policy.ts (everything, or own + teams' + unassigned); other modules listing requests filter with it too. */
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
      'contact.unverified as contact_unverified',
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
  const after = f.cursor ? keyedCursor(f.cursor, f.sort === 'newest' ? 'id' : 'time') : undefined;
  const cursorValue = after?.key;
  const afterId = after?.id;
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

export async function insertEvent(db: Kysely<DB>, row: InsertObject<DB, 'ticket_event'>) {
  await db.insertInto('ticket_event').values(row).execute();
}

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
