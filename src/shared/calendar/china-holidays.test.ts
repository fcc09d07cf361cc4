import { describe, expect, it } from 'vitest';
import { type CalendarDay, chinaPublicHolidays2025, chinaPublicHolidays2026 } from './business-time.ts';

/** ISO weekday (1 = Monday) of a 'yyyy-MM-dd' civil date. */
const weekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const dates = (days: CalendarDay[], kind: CalendarDay['kind']) =>
  days.filter((day) => day.kind === kind).map((day) => day.date);
const byName = (days: CalendarDay[]) => {
  const counts: Record<string, number> = {};
  for (const day of days)
    if (day.kind === 'holiday') counts[day.name ?? ''] = (counts[day.name ?? ''] ?? 0) + 1;
  return counts;
};

describe.each([
  ['2025', chinaPublicHolidays2025],
  ['2026', chinaPublicHolidays2026],
])('chinaPublicHolidays%s', (year, build) => {
  const days = build();

  it('lists unique dates of that year in ascending order, each named', () => {
    const all = days.map((day) => day.date);
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
    for (const day of days) {
      expect(day.date.startsWith(`${year}-`)).toBe(true);
      expect(day.name).toBeTruthy();
    }
  });

  it('puts every make-up working day (调休) on a weekend', () => {
    for (const date of dates(days, 'workday')) expect([6, 7]).toContain(weekday(date));
  });

  it('returns a fresh array on each call', () => {
    const first = build();
    first.pop();
    expect(build()).toHaveLength(days.length);
  });
});

describe('2025 schedule (国办发明电〔2024〕12号)', () => {
  const days = chinaPublicHolidays2025();

  it('has the published holiday periods and make-up days', () => {
    expect(byName(days)).toEqual({ 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 });
    expect(dates(days, 'workday')).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(dates(days, 'holiday')).toEqual(
      expect.arrayContaining(['2025-01-28', '2025-02-04', '2025-10-08']),
    );
  });
});

describe('2026 schedule (State Council notice of 4 Nov 2025)', () => {
  const days = chinaPublicHolidays2026();

  it('has the published holiday periods and make-up days', () => {
    expect(byName(days)).toEqual({ 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 });
    expect(dates(days, 'workday')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  // The notice annotates each boundary date with its weekday; a typo in a date would break these.
  it.each([
    ['2026-01-01', 4],
    ['2026-01-03', 6],
    ['2026-01-04', 7],
    ['2026-02-14', 6],
    ['2026-02-15', 7],
    ['2026-02-23', 1],
    ['2026-02-28', 6],
    ['2026-04-04', 6],
    ['2026-04-06', 1],
    ['2026-05-01', 5],
    ['2026-05-05', 2],
    ['2026-05-09', 6],
    ['2026-06-19', 5],
    ['2026-06-21', 7],
    ['2026-09-20', 7],
    ['2026-09-25', 5],
    ['2026-09-27', 7],
    ['2026-10-01', 4],
    ['2026-10-07', 3],
    ['2026-10-10', 6],
  ])('%s is ISO weekday %i and is listed', (date, expected) => {
    expect(weekday(date)).toBe(expected);
    expect(days.some((day) => day.date === date)).toBe(true);
  });
});
