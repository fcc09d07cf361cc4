import type { Interval, WeeklyHours } from '../../api/calendar.ts';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const toMinutes = (hhmm: string) => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** True when every period ends after it starts and none overlap. */
export function validIntervals(intervals: Interval[]): boolean {
  const sorted = [...intervals].sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
  let lastEnd = -1;
  for (const i of sorted) {
    const start = toMinutes(i.start);
    const end = toMinutes(i.end);
    if (end <= start || start < lastEnd) return false;
    lastEnd = end;
  }
  return true;
}

export function sortIntervals(intervals: Interval[]): Interval[] {
  return [...intervals].sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
}

export function minutesOf(intervals: Interval[]): number {
  return intervals.reduce((sum, i) => sum + Math.max(0, toMinutes(i.end) - toMinutes(i.start)), 0);
}

export function weekMinutes(week: WeeklyHours): number {
  return WEEKDAYS.reduce((sum, d) => sum + minutesOf(week[d]), 0);
}

/** A sensible next period after the existing ones of a day. */
export function nextInterval(intervals: Interval[]): Interval {
  const last = sortIntervals(intervals).at(-1);
  if (!last) return { start: '09:00', end: '18:00' };
  const start = Math.min(toMinutes(last.end) + 60, 22 * 60);
  const end = Math.min(start + 120, 24 * 60 - 1);
  const fmt = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: fmt(start), end: fmt(end) };
}
