// Internal helpers for business-time.ts: validates a BusinessCalendar, compiles it into minute ranges
// (cached per calendar object), and turns a local day into absolute working spans (epoch ms).
import type { BusinessCalendar, Weekday, WorkingInterval } from './business-time.ts';
import { DAY_MS, MINUTE_MS, parseIsoDate, weekdayOf, type ZoneClock, zoneClock } from './zone-clock.ts';

/** [start, end) in minutes after local midnight; end may be 1440 ('24:00'). */
type MinuteRange = readonly [number, number];

/** [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

export interface CompiledCalendar {
  zone: ZoneClock;
  weekly: readonly MinuteRange[][]; // index 1..7 (ISO weekday); index 0 unused
  overrides: Map<number, MinuteRange[]>; // epoch day → ranges ([] for a holiday)
  hasWorkingTime: boolean;
}

interface CacheEntry {
  compiled: CompiledCalendar;
  // Cheap staleness check so that replacing a field (or pushing onto `days`) is noticed.
  timeZone: string;
  weeklyHours: BusinessCalendar['weeklyHours'];
  days: BusinessCalendar['days'];
  daysLength: number;
  makeupDayHours: BusinessCalendar['makeupDayHours'];
}

const cache = new WeakMap<BusinessCalendar, CacheEntry>();

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const HHMM = /^(\d{2}):(\d{2})$/;

function parseTime(value: string, label: string): number {
  if (value === '24:00') return 1440;
  const m = HHMM.exec(value);
  const hours = m ? Number(m[1]) : Number.NaN;
  const minutes = m ? Number(m[2]) : Number.NaN;
  if (!(hours <= 23 && minutes <= 59)) throw new Error(`${label}: invalid time '${value}' (expected HH:mm)`);
  return hours * 60 + minutes;
}

function normalizeIntervals(intervals: readonly WorkingInterval[] | undefined, label: string): MinuteRange[] {
  const ranges = (intervals ?? []).map((iv): [number, number] => {
    const start = parseTime(iv.start, label);
    const end = parseTime(iv.end, label);
    if (start === 1440 || end <= start) throw new Error(`${label}: interval ${iv.start}-${iv.end} is empty`);
    return [start, end];
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function compile(cal: BusinessCalendar): CompiledCalendar {
  const zone = zoneClock(cal.timeZone);
  const weekly: MinuteRange[][] = [[]];
  for (const d of WEEKDAYS) weekly[d] = normalizeIntervals(cal.weeklyHours[d], `weekday ${d}`);
  // Make-up days default to Monday's hours; if Monday is closed, the first open weekday's hours.
  const makeup = cal.makeupDayHours
    ? normalizeIntervals(cal.makeupDayHours, 'makeupDayHours')
    : (WEEKDAYS.map((d) => weekly[d] ?? []).find((r) => r.length > 0) ?? []);
  const overrides = new Map<number, MinuteRange[]>();
  for (const day of cal.days) {
    const epochDay = parseIsoDate(day.date);
    if (epochDay === undefined) throw new Error(`invalid calendar day '${day.date}' (expected yyyy-MM-dd)`);
    overrides.set(epochDay, day.kind === 'holiday' ? [] : makeup); // a later entry for a date wins
  }
  const hasWorkingTime =
    weekly.some((r) => r.length > 0) || [...overrides.values()].some((r) => r.length > 0);
  return { zone, weekly, overrides, hasWorkingTime };
}

/** Compiled form of `cal`, cached per calendar object. Treat calendars as immutable values. */
export function compiled(cal: BusinessCalendar): CompiledCalendar {
  const hit = cache.get(cal);
  if (
    hit &&
    hit.timeZone === cal.timeZone &&
    hit.weeklyHours === cal.weeklyHours &&
    hit.days === cal.days &&
    hit.daysLength === cal.days.length &&
    hit.makeupDayHours === cal.makeupDayHours
  ) {
    return hit.compiled;
  }
  const entry: CacheEntry = {
    compiled: compile(cal),
    timeZone: cal.timeZone,
    weeklyHours: cal.weeklyHours,
    days: cal.days,
    daysLength: cal.days.length,
    makeupDayHours: cal.makeupDayHours,
  };
  cache.set(cal, entry);
  return entry.compiled;
}

/** One local calendar day: [dayStart, nextDayStart) and its working spans, in epoch ms. */
export interface DaySpans {
  dayStart: number;
  spans: Span[];
}

function spansOf(c: CompiledCalendar, epochDay: number, dayStart: number, nextStart: number): Span[] {
  const ranges = c.overrides.get(epochDay) ?? c.weekly[weekdayOf(epochDay)] ?? [];
  if (ranges.length === 0) return [];
  // An ordinary 24-hour day maps wall minutes linearly; a DST-transition day resolves each boundary.
  const regular = nextStart - dayStart === DAY_MS;
  const toMs = (minute: number): number => {
    if (minute === 0) return dayStart;
    if (minute === 1440) return nextStart;
    if (regular) return dayStart + minute * MINUTE_MS;
    return c.zone.wallToInstant(epochDay * DAY_MS + minute * MINUTE_MS);
  };
  const spans: Span[] = [];
  let floor = dayStart;
  for (const [startMin, endMin] of ranges) {
    const start = Math.max(toMs(startMin), floor);
    const end = toMs(endMin);
    if (end > start) {
      spans.push({ start, end });
      floor = end;
    }
  }
  return spans;
}

/** Local days of the calendar's zone, starting with the day that contains `fromMs`. Infinite. */
export function* daysFrom(c: CompiledCalendar, fromMs: number): Generator<DaySpans> {
  let { epochDay } = c.zone.epochDayOf(fromMs);
  let dayStart = c.zone.dayStart(epochDay);
  for (;;) {
    // Hint: the offset at this midnight usually holds at the next one too (one Intl call per new day).
    const nextStart = c.zone.dayStart(epochDay + 1, epochDay * DAY_MS - dayStart);
    yield { dayStart, spans: spansOf(c, epochDay, dayStart, nextStart) };
    epochDay += 1;
    dayStart = nextStart;
  }
}
