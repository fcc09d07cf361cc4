import type { Insertable, Kysely, Updateable } from 'kysely';
import type { BusinessCalendar as CalendarRowT, DB } from '../../db/schema.ts';
import type { CalendarScope } from './calendar.policy.ts';

/** Every calendar the scope allows (all of them: see calendar.policy.ts). */
export function listCalendars(db: Kysely<DB>, _scope: CalendarScope) {
  return db.selectFrom('business_calendar').selectAll().orderBy('id').limit(100).execute();
}

export function findCalendar(db: Kysely<DB>, id: number) {
  return db.selectFrom('business_calendar').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDefaultCalendar(db: Kysely<DB>) {
  return db.selectFrom('business_calendar').selectAll().where('is_default', '=', true).executeTakeFirst();
}

export async function insertCalendar(db: Kysely<DB>, row: Insertable<CalendarRowT>) {
  return (await db.insertInto('business_calendar').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCalendarRow(db: Kysely<DB>, id: number, patch: Updateable<CalendarRowT>) {
  await db
    .updateTable('business_calendar')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function daysBetween(db: Kysely<DB>, calendarId: number, from: string, to: string) {
  return db
    .selectFrom('calendar_day')
    .select(['date', 'kind', 'name'])
    .where('calendar_id', '=', calendarId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

export async function replaceDaysOfYear(
  db: Kysely<DB>,
  calendarId: number,
  year: number,
  days: { date: string; kind: string; name: string | null }[],
) {
  await db
    .deleteFrom('calendar_day')
    .where('calendar_id', '=', calendarId)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  if (days.length) {
    await db
      .insertInto('calendar_day')
      .values(days.map((d) => ({ calendar_id: calendarId, ...d })))
      .execute();
  }
}
