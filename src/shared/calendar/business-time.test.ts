import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  addCalendarMinutes,
  addMinutes,
  businessMinutesBetween,
  calendarMinutesBetween,
  isWorkingTime,
  minutesBetween,
  nextWorkingMoment,
} from './business-time.ts';
import { d, expectInstant, shanghai } from './calendar-test-fixtures.ts';

describe('addBusinessMinutes (Asia/Shanghai, Mon–Fri 09–12 & 13–18, 2025/2026 holidays)', () => {
  it.each([
    ['within a day', '2025-03-03T09:30:00+08:00', 90, '2025-03-03T11:00:00+08:00'],
    ['up to the lunch break lands on 12:00', '2025-03-03T11:00:00+08:00', 60, '2025-03-03T12:00:00+08:00'],
    ['across the lunch break', '2025-03-03T11:30:00+08:00', 60, '2025-03-03T13:30:00+08:00'],
    ['across a night', '2025-03-03T17:00:00+08:00', 120, '2025-03-04T10:00:00+08:00'],
    ['across a weekend', '2025-03-07T17:00:00+08:00', 120, '2025-03-10T10:00:00+08:00'],
    ['several whole days', '2025-03-03T09:00:00+08:00', 480 * 5, '2025-03-07T18:00:00+08:00'],
    [
      'a weekday holiday (元旦, Wed) is skipped',
      '2024-12-31T17:00:00+08:00',
      120,
      '2025-01-02T10:00:00+08:00',
    ],
    ['清明节 Fri + weekend skipped', '2025-04-03T17:00:00+08:00', 120, '2025-04-07T10:00:00+08:00'],
    ['调休 Saturday counts (8 Feb 2025)', '2025-02-07T17:00:00+08:00', 120, '2025-02-08T10:00:00+08:00'],
    ['调休 Sunday counts (27 Apr 2025)', '2025-04-25T17:00:00+08:00', 120, '2025-04-27T10:00:00+08:00'],
    ['Spring Festival 28 Jan–4 Feb skipped', '2025-01-27T17:00:00+08:00', 120, '2025-02-05T10:00:00+08:00'],
    ['National Day week 1–8 Oct skipped', '2025-09-30T17:00:00+08:00', 120, '2025-10-09T10:00:00+08:00'],
    ['…and 11 Oct (Sat) is a make-up day', '2025-09-30T17:00:00+08:00', 1080, '2025-10-11T10:00:00+08:00'],
    ['…then Sun 12 Oct is off again', '2025-10-11T17:00:00+08:00', 120, '2025-10-13T10:00:00+08:00'],
    [
      '2026 Spring Festival (15–23 Feb) skipped',
      '2026-02-13T17:00:00+08:00',
      120,
      '2026-02-14T10:00:00+08:00',
    ],
    ['…from the 调休 Saturday to 24 Feb', '2026-02-14T17:00:00+08:00', 120, '2026-02-24T10:00:00+08:00'],
  ])('%s', (_name, start, minutes, expected) => {
    expectInstant(addBusinessMinutes(shanghai, d(start), minutes), expected);
  });

  it.each([
    ['before opening', '2025-03-03T07:00:00+08:00', '2025-03-03T09:30:00+08:00'],
    ['during lunch', '2025-03-03T12:30:00+08:00', '2025-03-03T13:30:00+08:00'],
    ['exactly at closing time', '2025-03-03T18:00:00+08:00', '2025-03-04T09:30:00+08:00'],
    ['in the evening', '2025-03-03T20:00:00+08:00', '2025-03-04T09:30:00+08:00'],
    ['on a Saturday', '2025-03-08T12:00:00+08:00', '2025-03-10T09:30:00+08:00'],
    ['on a holiday', '2025-10-03T10:00:00+08:00', '2025-10-09T09:30:00+08:00'],
  ])('starts the clock at the next working moment when the start is %s', (_name, start, expected) => {
    expectInstant(addBusinessMinutes(shanghai, d(start), 30), expected);
  });

  it('returns the start unchanged for 0 minutes, even outside working hours', () => {
    const start = d('2025-03-08T12:34:56.789+08:00');
    expect(addBusinessMinutes(shanghai, start, 0).getTime()).toBe(start.getTime());
  });

  it('handles fractional minutes', () => {
    expectInstant(
      addBusinessMinutes(shanghai, d('2025-03-03T11:59:00+08:00'), 1.5),
      '2025-03-03T13:00:30+08:00',
    );
  });

  it('rejects negative, NaN and infinite durations and invalid dates', () => {
    const start = d('2025-03-03T10:00:00+08:00');
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessMinutes(shanghai, start, bad)).toThrow(RangeError);
    }
    expect(() => addBusinessMinutes(shanghai, d('nope'), 10)).toThrow(RangeError);
  });

  it('computes 100,000 minutes (≈ 208 working days) quickly, by days not minutes', () => {
    const start = d('2025-01-02T10:00:00+08:00');
    const t0 = performance.now();
    const end = addBusinessMinutes(shanghai, start, 100_000);
    expect(performance.now() - t0).toBeLessThan(100); // ~0.3 ms warm; generous bound for slow CI
    expect(businessMinutesBetween(shanghai, start, end)).toBe(100_000);
    expectInstant(end, '2025-11-06T13:40:00+08:00');
  });

  it('uses makeupDayHours on a make-up day when given', () => {
    const cal = { ...shanghai, makeupDayHours: [{ start: '10:00', end: '15:00' }] };
    expectInstant(addBusinessMinutes(cal, d('2025-02-07T17:00:00+08:00'), 120), '2025-02-08T11:00:00+08:00');
    expect(businessMinutesBetween(cal, d('2025-02-08T00:00:00+08:00'), d('2025-02-09T00:00:00+08:00'))).toBe(
      300,
    );
  });
});

describe('isWorkingTime / nextWorkingMoment', () => {
  it.each([
    ['2025-03-03T09:00:00+08:00', true],
    ['2025-03-03T08:59:59+08:00', false],
    ['2025-03-03T11:59:59+08:00', true],
    ['2025-03-03T12:00:00+08:00', false],
    ['2025-03-03T13:00:00+08:00', true],
    ['2025-03-03T18:00:00+08:00', false],
    ['2025-03-08T10:00:00+08:00', false], // Saturday
    ['2025-10-08T10:00:00+08:00', false], // National Day holiday (Wed)
    ['2025-10-11T10:00:00+08:00', true], // 调休 Saturday
    ['2025-03-03T01:30:00Z', true], // 09:30 in Shanghai
  ])('isWorkingTime(%s) = %s', (at, expected) => {
    expect(isWorkingTime(shanghai, d(at))).toBe(expected);
  });

  it.each([
    ['2025-03-03T10:15:00+08:00', '2025-03-03T10:15:00+08:00'],
    ['2025-03-03T12:00:00+08:00', '2025-03-03T13:00:00+08:00'],
    ['2025-03-07T18:00:00+08:00', '2025-03-10T09:00:00+08:00'],
    ['2025-09-30T18:00:00+08:00', '2025-10-09T09:00:00+08:00'],
    ['2025-09-26T18:00:00+08:00', '2025-09-28T09:00:00+08:00'], // Sunday 28 Sep is a make-up day
  ])('nextWorkingMoment(%s) = %s', (at, expected) => {
    expectInstant(nextWorkingMoment(shanghai, d(at)), expected);
  });
});

describe('businessMinutesBetween', () => {
  it('counts working minutes in [from, to)', () => {
    expect(
      businessMinutesBetween(shanghai, d('2025-03-03T09:00:00+08:00'), d('2025-03-03T18:00:00+08:00')),
    ).toBe(480);
    expect(
      businessMinutesBetween(shanghai, d('2025-03-03T11:00:00+08:00'), d('2025-03-03T14:00:00+08:00')),
    ).toBe(120);
    expect(
      businessMinutesBetween(shanghai, d('2025-03-03T09:00:30+08:00'), d('2025-03-03T09:01:00+08:00')),
    ).toBe(0.5);
  });

  it('is 0 when to <= from', () => {
    const t = d('2025-03-03T10:00:00+08:00');
    expect(businessMinutesBetween(shanghai, t, t)).toBe(0);
    expect(businessMinutesBetween(shanghai, t, d('2025-03-03T09:00:00+08:00'))).toBe(0);
  });

  it('excludes a weekend', () => {
    expect(
      businessMinutesBetween(shanghai, d('2025-03-07T17:00:00+08:00'), d('2025-03-10T10:00:00+08:00')),
    ).toBe(120);
    expect(
      businessMinutesBetween(shanghai, d('2025-03-08T00:00:00+08:00'), d('2025-03-10T00:00:00+08:00')),
    ).toBe(0);
    expect(
      businessMinutesBetween(shanghai, d('2025-03-03T00:00:00+08:00'), d('2025-03-10T00:00:00+08:00')),
    ).toBe(2400);
  });

  it('excludes holidays and counts make-up days (29 Sep – 12 Oct 2025: 5 working days)', () => {
    expect(
      businessMinutesBetween(shanghai, d('2025-09-29T00:00:00+08:00'), d('2025-10-13T00:00:00+08:00')),
    ).toBe(5 * 480);
  });

  it('counts 248 working days in each of 2025 and 2026', () => {
    const year = (y: number) =>
      businessMinutesBetween(shanghai, d(`${y}-01-01T00:00+08:00`), d(`${y + 1}-01-01T00:00+08:00`));
    expect(year(2025)).toBe(248 * 480);
    expect(year(2026)).toBe(248 * 480);
  });
});

describe('calendar mode and dispatchers', () => {
  const fri = d('2025-03-07T17:00:00+08:00');

  it('adds and measures wall-clock minutes', () => {
    expectInstant(addCalendarMinutes(fri, 120), '2025-03-07T19:00:00+08:00');
    expect(calendarMinutesBetween(fri, d('2025-03-10T10:00:00+08:00'))).toBe(65 * 60);
    expect(calendarMinutesBetween(d('2025-03-10T10:00:00+08:00'), fri)).toBe(0);
  });

  it('dispatches on the mode', () => {
    expectInstant(addMinutes('calendar', null, fri, 120), '2025-03-07T19:00:00+08:00');
    expectInstant(addMinutes('calendar', shanghai, fri, 120), '2025-03-07T19:00:00+08:00');
    expectInstant(addMinutes('business', shanghai, fri, 120), '2025-03-10T10:00:00+08:00');
    expect(minutesBetween('calendar', undefined, fri, d('2025-03-10T10:00:00+08:00'))).toBe(3900);
    expect(minutesBetween('business', shanghai, fri, d('2025-03-10T10:00:00+08:00'))).toBe(120);
    expect(() => addMinutes('business', null, fri, 1)).toThrow(/business calendar/);
    expect(() => minutesBetween('business', null, fri, fri)).toThrow(/business calendar/);
  });
});
