// Business calendar (工作日历): working-time arithmetic for SLA clocks. Pure functions, no I/O.
// All wall-clock reasoning happens in the calendar's IANA time zone (DST-safe; see zone-clock.ts).
// Working intervals are half-open: [start, end). A deadline that uses up a day's last minute lands
// on that day's closing time (e.g. Fri 17:00 + 60 min → Fri 18:00), not on the next opening.
import { compiled, daysFrom } from './calendar-index.ts';

export { chinaPublicHolidays2025, chinaPublicHolidays2026 } from './china-holidays.ts';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO, 1 = Monday

/** 'HH:mm' wall-clock times, end > start, same day ('24:00' allowed as end). */
export interface WorkingInterval {
  start: string;
  end: string;
}

/** date is 'yyyy-MM-dd' in the calendar's zone. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
}

export interface BusinessCalendar {
  /** IANA zone, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Empty array = not a working day. */
  weeklyHours: Record<Weekday, WorkingInterval[]>;
  /** Holidays (closed even on a weekday) and make-up working days 调休 (open even on a weekend). */
  days: CalendarDay[];
  /** Hours on a make-up working day; default = Monday's hours (or the first open weekday's, if Monday is closed). */
  makeupDayHours?: WorkingInterval[];
}

/** How an SLA clock runs: on working time only, or around the clock. */
export type ClockMode = 'business' | 'calendar';

const MS_PER_MINUTE = 60_000;
/** Consecutive days without working time after which a search gives up. */
const MAX_EMPTY_DAYS = 366 * 3;
const NO_WORKING_TIME = 'calendar has no working time';

function timeOf(date: Date, label: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${label} is an invalid Date`);
  return t;
}

function durationMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  }
  // Whole milliseconds, so that add(from, between(from, to)) is exact despite float rounding of minutes.
  return Math.round(minutes * MS_PER_MINUTE);
}

/** Mon–Fri 09:00–12:00 and 13:00–18:00; Saturday and Sunday closed. */
export function defaultWeeklyHours(): Record<Weekday, WorkingInterval[]> {
  const day = (): WorkingInterval[] => [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ];
  return { 1: day(), 2: day(), 3: day(), 4: day(), 5: day(), 6: [], 7: [] };
}

/** True when `at` falls inside a working interval (start inclusive, end exclusive). */
export function isWorkingTime(cal: BusinessCalendar, at: Date): boolean {
  const t = timeOf(at, 'at');
  const c = compiled(cal);
  const today = daysFrom(c, t).next();
  return !today.done && today.value.spans.some((s) => s.start <= t && t < s.end);
}

/** `at` itself when it is working time, otherwise the next moment working time begins. */
export function nextWorkingMoment(cal: BusinessCalendar, at: Date): Date {
  const t = timeOf(at, 'at');
  const c = compiled(cal);
  if (!c.hasWorkingTime) throw new Error(NO_WORKING_TIME);
  let emptyDays = 0;
  for (const { spans } of daysFrom(c, t)) {
    for (const s of spans) {
      if (s.end > t) return new Date(Math.max(s.start, t));
    }
    emptyDays = spans.length > 0 ? 0 : emptyDays + 1;
    if (emptyDays > MAX_EMPTY_DAYS) throw new Error(NO_WORKING_TIME);
  }
  throw new Error(NO_WORKING_TIME); // unreachable: daysFrom is infinite
}

/**
 * The instant at which `minutes` of working time have elapsed after `start`. If `start` is outside
 * working hours the clock starts at the next working moment. `minutes = 0` returns `start` unchanged.
 * Loops once per local day (never per minute); throws if the calendar has no working time.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  const t = timeOf(start, 'start');
  let remaining = durationMs(minutes);
  if (remaining === 0) return new Date(t);
  const c = compiled(cal);
  if (!c.hasWorkingTime) throw new Error(NO_WORKING_TIME);
  let emptyDays = 0;
  for (const { spans } of daysFrom(c, t)) {
    let worked = false;
    for (const s of spans) {
      if (s.end <= t) continue;
      const from = Math.max(s.start, t);
      const available = s.end - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
      worked = true;
    }
    emptyDays = worked ? 0 : emptyDays + 1;
    if (emptyDays > MAX_EMPTY_DAYS) throw new Error(NO_WORKING_TIME);
  }
  throw new Error(NO_WORKING_TIME); // unreachable: daysFrom is infinite
}

/** Working minutes in [from, to); 0 when to <= from. May be fractional. */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const a = timeOf(from, 'from');
  const b = timeOf(to, 'to');
  if (b <= a) return 0;
  const c = compiled(cal);
  if (!c.hasWorkingTime) return 0;
  let total = 0;
  for (const { dayStart, spans } of daysFrom(c, a)) {
    if (dayStart >= b) break;
    for (const s of spans) {
      const overlap = Math.min(s.end, b) - Math.max(s.start, a);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MS_PER_MINUTE;
}

/** `start` + `minutes` of wall time (24×7). */
export function addCalendarMinutes(start: Date, minutes: number): Date {
  return new Date(timeOf(start, 'start') + durationMs(minutes));
}

/** Elapsed minutes in [from, to); 0 when to <= from. May be fractional. */
export function calendarMinutesBetween(from: Date, to: Date): number {
  return Math.max(0, timeOf(to, 'to') - timeOf(from, 'from')) / MS_PER_MINUTE;
}

function requireCalendar(cal: BusinessCalendar | null | undefined): BusinessCalendar {
  if (!cal) throw new Error('business mode needs a business calendar');
  return cal;
}

/** Dispatches to addBusinessMinutes or addCalendarMinutes. `cal` may be omitted in calendar mode. */
export function addMinutes(
  mode: ClockMode,
  cal: BusinessCalendar | null | undefined,
  start: Date,
  minutes: number,
): Date {
  return mode === 'business'
    ? addBusinessMinutes(requireCalendar(cal), start, minutes)
    : addCalendarMinutes(start, minutes);
}

/** Dispatches to businessMinutesBetween or calendarMinutesBetween. `cal` may be omitted in calendar mode. */
export function minutesBetween(
  mode: ClockMode,
  cal: BusinessCalendar | null | undefined,
  from: Date,
  to: Date,
): number {
  return mode === 'business'
    ? businessMinutesBetween(requireCalendar(cal), from, to)
    : calendarMinutesBetween(from, to);
}
