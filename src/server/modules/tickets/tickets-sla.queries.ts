import type { Kysely } from 'kysely';
import { OPEN_STATUSES } from '../../../shared/tickets/ticket-status.ts';
import type { DB } from '../../db/schema.ts';

/** The SLA clocks: policies, requests to warn or mark breached, and who leads the team to tell. */

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
