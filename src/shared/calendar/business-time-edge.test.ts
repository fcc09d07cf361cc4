// Property-style, DST and degenerate-calendar tests for business-time.ts.
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  defaultWeeklyHours,
  isWorkingTime,
  nextWorkingMoment,
} from './business-time.ts';
import { d, everyDay, expectInstant, newYork, shanghai } from './calendar-test-fixtures.ts';

/** mulberry32: small deterministic PRNG so the property test is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('between() is the inverse of add() (seeded property test)', () => {
  const londonNights: BusinessCalendar = {
    timeZone: 'Europe/London',
    weeklyHours: {
      ...defaultWeeklyHours(),
      6: [{ start: '22:00', end: '24:00' }],
      7: [{ start: '00:30', end: '02:30' }],
    },
    days: [{ date: '2025-12-25', kind: 'holiday', name: 'Christmas' }],
  };
  const calendars = [shanghai, newYork, londonNights];
  const random = prng(20250930);
  const lo = Date.parse('2024-12-01T00:00:00Z');
  const hi = Date.parse('2026-12-31T00:00:00Z');
  const cases = Array.from({ length: 300 }, (_, i) => {
    const start = new Date(Math.floor(lo + random() * (hi - lo)));
    const minutes = i % 5 === 0 ? Math.round(random() * 100_000) / 100 : Math.floor(random() * 20_000);
    return { cal: calendars[i % calendars.length]!, start, minutes };
  });

  it('between(start, add(start, m)) = m; add is monotone and starts at the next working moment', () => {
    for (const { cal, start, minutes } of cases) {
      const end = addBusinessMinutes(cal, start, minutes);
      expect(businessMinutesBetween(cal, start, end)).toBeCloseTo(minutes, 4);
      expect(addBusinessMinutes(cal, start, minutes / 2).getTime()).toBeLessThanOrEqual(end.getTime());
      if (minutes > 0) {
        const clockStart = nextWorkingMoment(cal, start);
        expect(end.getTime()).toBeGreaterThan(clockStart.getTime());
        expect(addBusinessMinutes(cal, clockStart, minutes).getTime()).toBe(end.getTime());
        expect(isWorkingTime(cal, new Date(end.getTime() - 1))).toBe(true); // the last millisecond counted
      }
    }
  });

  it('add(from, between(from, to)) never passes `to` and keeps the same working time', () => {
    for (const { cal, start, minutes } of cases) {
      const to = new Date(start.getTime() + minutes * 90_000);
      const worked = businessMinutesBetween(cal, start, to);
      const reached = addBusinessMinutes(cal, start, worked);
      expect(reached.getTime()).toBeLessThanOrEqual(to.getTime());
      expect(businessMinutesBetween(cal, start, reached)).toBeCloseTo(worked, 4);
    }
  });
});

describe('daylight saving time (America/New_York)', () => {
  it('crosses the March change (EST → EDT) over a weekend', () => {
    const start = d('2025-03-07T17:00:00-05:00');
    expectInstant(addBusinessMinutes(newYork, start, 120), '2025-03-10T10:00:00-04:00');
    expect(businessMinutesBetween(newYork, start, d('2025-03-10T10:00:00-04:00'))).toBe(120);
    expect(isWorkingTime(newYork, d('2025-03-10T13:30:00Z'))).toBe(true); // 09:30 EDT (08:30 if EST were used)
    expectInstant(nextWorkingMoment(newYork, d('2025-03-08T12:00:00-05:00')), '2025-03-10T09:00:00-04:00');
  });

  it('crosses the November change (EDT → EST) over a weekend', () => {
    expectInstant(
      addBusinessMinutes(newYork, d('2025-10-31T17:00:00-04:00'), 120),
      '2025-11-03T10:00:00-05:00',
    );
  });

  it('counts the real length of 23- and 25-hour days on a 24×7 calendar', () => {
    const always = {
      timeZone: 'America/New_York',
      weeklyHours: everyDay([{ start: '00:00', end: '24:00' }]),
      days: [],
    };
    expect(
      businessMinutesBetween(always, d('2025-03-08T00:00:00-05:00'), d('2025-03-10T00:00:00-04:00')),
    ).toBe(47 * 60);
    expect(
      businessMinutesBetween(always, d('2025-11-01T00:00:00-04:00'), d('2025-11-03T00:00:00-05:00')),
    ).toBe(49 * 60);
    expectInstant(
      addBusinessMinutes(always, d('2025-03-09T00:00:00-05:00'), 180),
      '2025-03-09T04:00:00-04:00',
    );
  });

  it('maps wall-clock hours that straddle the transition to real elapsed time', () => {
    const night = {
      timeZone: 'America/New_York',
      weeklyHours: everyDay([{ start: '01:00', end: '04:00' }]),
      days: [],
    };
    const day = (date: string, offset: string, next: string, nextOffset: string) =>
      businessMinutesBetween(night, d(`${date}T00:00:00${offset}`), d(`${next}T00:00:00${nextOffset}`));
    expect(day('2025-03-09', '-05:00', '2025-03-10', '-04:00')).toBe(120); // 02:00–03:00 does not exist
    expect(day('2025-03-16', '-04:00', '2025-03-17', '-04:00')).toBe(180);
    expect(day('2025-11-02', '-04:00', '2025-11-03', '-05:00')).toBe(240); // 01:00–02:00 happens twice
    expectInstant(addBusinessMinutes(night, d('2025-03-09T00:00:00-05:00'), 90), '2025-03-09T03:30:00-04:00');
  });
});

describe('calendars without working time and invalid calendars', () => {
  const closed = (): BusinessCalendar => ({ timeZone: 'Asia/Shanghai', weeklyHours: everyDay([]), days: [] });

  it('throws a clear error instead of looping forever', () => {
    const start = d('2025-03-03T10:00:00+08:00');
    expect(() => addBusinessMinutes(closed(), start, 1)).toThrow('calendar has no working time');
    expect(() => nextWorkingMoment(closed(), start)).toThrow('calendar has no working time');
    expect(businessMinutesBetween(closed(), start, d('2026-03-03T10:00:00+08:00'))).toBe(0);
    expect(isWorkingTime(closed(), start)).toBe(false);
  });

  it('finds a lone make-up day, then gives up after ~3 empty years', () => {
    const cal: BusinessCalendar = {
      ...closed(),
      days: [{ date: '2025-06-07', kind: 'workday' }],
      makeupDayHours: [{ start: '09:00', end: '10:00' }],
    };
    const start = d('2025-03-03T10:00:00+08:00');
    expectInstant(addBusinessMinutes(cal, start, 30), '2025-06-07T09:30:00+08:00');
    expect(() => addBusinessMinutes(cal, start, 61)).toThrow('calendar has no working time');
  });

  it('rejects malformed calendars', () => {
    const start = d('2025-03-03T10:00:00+08:00');
    const bad = (patch: Partial<BusinessCalendar>) => () => isWorkingTime({ ...shanghai, ...patch }, start);
    expect(bad({ timeZone: 'Mars/Olympus' })).toThrow(/invalid time zone/);
    expect(bad({ weeklyHours: everyDay([{ start: '9:00', end: '12:00' }]) })).toThrow(/invalid time/);
    expect(bad({ weeklyHours: everyDay([{ start: '12:00', end: '09:00' }]) })).toThrow(/empty/);
    expect(bad({ weeklyHours: everyDay([{ start: '09:00', end: '24:30' }]) })).toThrow(/invalid time/);
    expect(bad({ days: [{ date: '2025-02-30', kind: 'holiday' }] })).toThrow(/invalid calendar day/);
  });

  it('notices a calendar whose days list was replaced or grown after first use', () => {
    const cal: BusinessCalendar = { timeZone: 'Asia/Shanghai', weeklyHours: defaultWeeklyHours(), days: [] };
    const monday = d('2025-03-03T10:00:00+08:00');
    expect(isWorkingTime(cal, monday)).toBe(true);
    cal.days.push({ date: '2025-03-03', kind: 'holiday' });
    expect(isWorkingTime(cal, monday)).toBe(false);
    cal.days = [];
    expect(isWorkingTime(cal, monday)).toBe(true);
  });
});
