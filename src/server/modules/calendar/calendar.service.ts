import type { Kysely, Selectable } from 'kysely';
import {
  type BusinessCalendar,
  type CalendarDay,
  chinaPublicHolidays2025,
  chinaPublicHolidays2026,
  defaultWeeklyHours,
  type Weekday,
  type WorkingInterval,
} from '../../../shared/calendar/business-time.ts';
import type { CalendarView } from '../../../shared/schemas/calendar.ts';
import type { Database } from '../../db/database.ts';
import type { BusinessCalendar as CalendarRow, DB } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireVisible, scopeOf } from './calendar.policy.ts';
import * as q from './calendar.queries.ts';

export const CHINA_PRESETS: Record<number, () => CalendarDay[]> = {
  2025: chinaPublicHolidays2025,
  2026: chinaPublicHolidays2026,
};

export function presentCalendar(row: Selectable<CalendarRow>): CalendarView {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    weeklyHours: row.weekly_hours as unknown as CalendarView['weeklyHours'],
    makeupDayHours: (row.makeup_day_hours as unknown as WorkingInterval[] | null) ?? null,
    isDefault: row.is_default,
  };
}

/**
 * The calendar an SLA clock runs on, with the special days from a year before to two years after
 * `around` — every clock Qiao runs falls inside that window.
 */
export async function loadBusinessCalendar(
  db: Kysely<DB>,
  id?: number,
  around = new Date(),
): Promise<BusinessCalendar> {
  const row = id ? await q.findCalendar(db, id) : await q.findDefaultCalendar(db);
  if (!row) throw notFound();
  const year = around.getUTCFullYear();
  const days = await q.daysBetween(db, row.id, `${year - 1}-01-01`, `${year + 2}-12-31`);
  const view = presentCalendar(row);
  return {
    timeZone: view.timeZone,
    weeklyHours: view.weeklyHours as Record<Weekday, WorkingInterval[]>,
    days: days.map((d) => ({
      date: d.date,
      kind: d.kind as CalendarDay['kind'],
      ...(d.name ? { name: d.name } : {}),
    })),
    ...(view.makeupDayHours ? { makeupDayHours: view.makeupDayHours } : {}),
  };
}

/** The first start's calendar: Mon–Fri office hours in the organisation's zone with China's published holidays. */
export async function ensureDefaultCalendar(db: Kysely<DB>, timeZone: string): Promise<void> {
  if (await q.findDefaultCalendar(db)) return;
  const id = await q.insertCalendar(db, {
    name: '标准工作日历',
    time_zone: timeZone,
    weekly_hours: JSON.stringify(defaultWeeklyHours()),
    is_default: true,
  });
  for (const [year, preset] of Object.entries(CHINA_PRESETS)) {
    await q.replaceDaysOfYear(
      db,
      id,
      Number(year),
      preset().map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })),
    );
  }
}

/** The calendars the actor may see, presented. */
export async function listVisibleCalendars(db: Kysely<DB>, actor: Actor): Promise<CalendarView[]> {
  return (await q.listCalendars(db, scopeOf(actor))).map(presentCalendar);
}

/** A calendar the actor may see, as stored; a missing one is a 404. */
export async function findVisibleCalendar(db: Kysely<DB>, actor: Actor, id: number) {
  return requireVisible(actor, await q.findCalendar(db, id));
}

/** The special days of one calendar in one year. */
export async function listCalendarDays(db: Kysely<DB>, actor: Actor, id: number, year: number) {
  await findVisibleCalendar(db, actor, id);
  const rows = await q.daysBetween(db, id, `${year}-01-01`, `${year}-12-31`);
  return rows.map((r) => ({ date: r.date, kind: r.kind as 'holiday' | 'workday', name: r.name }));
}

export async function updateCalendar(
  db: Database,
  ctx: RequestContext,
  id: number,
  patch: {
    name?: string | undefined;
    timeZone?: string | undefined;
    weeklyHours?: Record<string, WorkingInterval[]> | undefined;
    makeupDayHours?: WorkingInterval[] | null | undefined;
  },
) {
  return db.transaction().execute(async (trx) => {
    const current = requireVisible(ctx.actor, await q.findCalendar(trx, id));
    await q.updateCalendarRow(trx, id, {
      name: patch.name,
      time_zone: patch.timeZone,
      weekly_hours: patch.weeklyHours ? JSON.stringify(patch.weeklyHours) : undefined,
      makeup_day_hours:
        patch.makeupDayHours === undefined
          ? undefined
          : patch.makeupDayHours && JSON.stringify(patch.makeupDayHours),
    });
    const before = presentCalendar(current);
    const after = presentCalendar((await q.findCalendar(trx, id))!);
    await recordAudit(trx, ctx, {
      action: 'calendar.update',
      entityType: 'calendar',
      entityId: id,
      entityLabel: after.name,
      before,
      after,
    });
    return after;
  });
}

export async function replaceYear(
  db: Database,
  ctx: RequestContext,
  id: number,
  year: number,
  days: { date: string; kind: 'holiday' | 'workday'; name?: string | null | undefined }[],
) {
  if (days.some((d) => !d.date.startsWith(`${year}-`))) throw invalid('VALIDATION_FAILED', 'days');
  if (new Set(days.map((d) => d.date)).size !== days.length) throw invalid('VALIDATION_FAILED', 'days');
  await db.transaction().execute(async (trx) => {
    const current = requireVisible(ctx.actor, await q.findCalendar(trx, id));
    const before = await q.daysBetween(trx, id, `${year}-01-01`, `${year}-12-31`);
    const after = days
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null }))
      .sort((a, b) => a.date.localeCompare(b.date));
    await q.replaceDaysOfYear(trx, id, year, after);
    await recordAudit(trx, ctx, {
      action: 'calendar.days_replace',
      entityType: 'calendar',
      entityId: id,
      entityLabel: `${current.name} ${year}`,
      changes: [{ field: `days.${year}`, before, after }],
    });
  });
}
