// Minimal IANA time-zone arithmetic on Intl.DateTimeFormat. An offset lookup costs microseconds, so
// local-midnight instants are memoised per zone and each new day costs a single lookup. Semantics match
// Temporal's 'compatible' disambiguation: ambiguous wall times → earlier instant, gaps → shifted forward.
//
import type { Weekday } from './business-time.ts';

// "Wall" values are local date-times encoded as if they were UTC epoch milliseconds; an "epoch day" is
// floor(wall / DAY_MS), i.e. the local calendar date counted from 1970-01-01.

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const OFFSET = /GMT(?:([+\-\u2212])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;
const MAX_MEMO = 100_000;

export interface ZoneClock {
  readonly name: string;
  /** UTC offset (ms, east positive) in force at the instant `ts`. */
  offsetMs(ts: number): number;
  /** Local epoch day containing the instant `ts`, plus the offset found on the way. */
  epochDayOf(ts: number): { epochDay: number; offset: number };
  /** Instant at which local day `epochDay` begins (its midnight, or the first moment after a DST gap). */
  dayStart(epochDay: number, hintOffset?: number): number;
  /** Instant of a wall-clock time. Ambiguous times → the earlier instant; times in a gap → pushed forward. */
  wallToInstant(wall: number, hintOffset?: number): number;
}

const clocks = new Map<string, ZoneClock>();

/** Throws Error('invalid time zone …') for a name Intl does not know. */
export function zoneClock(name: string): ZoneClock {
  const cached = clocks.get(name);
  if (cached) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  } catch {
    throw new Error(`invalid time zone '${name}'`);
  }
  const dayStarts = new Map<number, number>();

  const offsetMs = (ts: number): number => {
    const m = OFFSET.exec(format.format(ts));
    if (!m) throw new Error(`cannot read the UTC offset of time zone '${name}'`);
    const sign = m[1] === '+' || m[1] === undefined ? 1 : -1;
    return sign * ((Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
  };

  const wallToInstant = (wall: number, hintOffset?: number): number => {
    if (hintOffset !== undefined && offsetMs(wall - hintOffset) === hintOffset) return wall - hintOffset;
    // Offsets a day either side bracket any (single) transition near this wall time.
    const before = offsetMs(wall - DAY_MS);
    const after = offsetMs(wall + DAY_MS);
    let best = Number.POSITIVE_INFINITY;
    for (const o of [before, after]) {
      if (offsetMs(wall - o) === o) best = Math.min(best, wall - o);
    }
    // No instant has this wall time (DST gap): shift it forward by the length of the gap.
    return Number.isFinite(best) ? best : wall - Math.min(before, after);
  };

  const clock: ZoneClock = {
    name,
    offsetMs,
    wallToInstant,
    epochDayOf(ts) {
      const offset = offsetMs(ts);
      return { epochDay: Math.floor((ts + offset) / DAY_MS), offset };
    },
    dayStart(epochDay, hintOffset) {
      const hit = dayStarts.get(epochDay);
      if (hit !== undefined) return hit;
      const start = wallToInstant(epochDay * DAY_MS, hintOffset);
      if (dayStarts.size >= MAX_MEMO) dayStarts.clear();
      dayStarts.set(epochDay, start);
      return start;
    },
  };
  clocks.set(name, clock);
  return clock;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function weekdayOf(epochDay: number): Weekday {
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** Epoch day of 'yyyy-MM-dd', or undefined when the string is not a real date in that format. */
export function parseIsoDate(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : undefined;
}
