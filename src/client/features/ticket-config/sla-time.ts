import type { CalendarView } from '../../api/types.ts';
import type { Translate } from '../../i18n/context.ts';
import { minutesOf } from '../calendar/intervals.ts';

/** Without a calendar to read: an 8-hour working day. */
export const DEFAULT_DAY_MINUTES = 480;

/** The average length of a working day of a calendar, in minutes. */
export function workingDayMinutes(calendar: CalendarView | undefined): number {
  if (!calendar) return DEFAULT_DAY_MINUTES;
  const days = Object.values(calendar.weeklyHours)
    .map((intervals) => minutesOf(intervals))
    .filter((m) => m > 0);
  if (days.length === 0) return DEFAULT_DAY_MINUTES;
  return Math.round(days.reduce((a, b) => a + b, 0) / days.length);
}

const round = (n: number) => (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);

/**
 * A target in minutes, said the way people think of it: "4 小时 · 0.5 个工作日" on business time,
 * "36 小时 · 1.5 天" on calendar time.
 */
export function readableMinutes(
  t: Translate,
  minutes: number | null | undefined,
  clock: 'business' | 'calendar',
  dayMinutes: number,
): string {
  if (!minutes || minutes <= 0) return '';
  const parts: string[] = [];
  if (minutes < 60) parts.push(t('ticketAdmin.sla.minutes', { n: minutes }));
  else parts.push(t('ticketAdmin.sla.hours', { n: round(minutes / 60) }));
  const perDay = clock === 'business' ? dayMinutes : 1440;
  if (minutes >= perDay / 2) {
    const days = round(minutes / perDay);
    parts.push(
      clock === 'business'
        ? t('ticketAdmin.sla.businessDays', { n: days })
        : t('ticketAdmin.sla.days', { n: days }),
    );
  }
  return parts.join(' · ');
}
