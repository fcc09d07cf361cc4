// Shared fixtures for the business-calendar tests.
import { expect } from 'vitest';
import {
  type BusinessCalendar,
  chinaPublicHolidays2025,
  chinaPublicHolidays2026,
  defaultWeeklyHours,
  type Weekday,
  type WorkingInterval,
} from './business-time.ts';

export const d = (iso: string): Date => new Date(iso);
export const iso = (date: Date): string => date.toISOString();
/** Compare instants, printing both as UTC ISO strings on failure. */
export const expectInstant = (actual: Date, expected: string): void => {
  expect(iso(actual)).toBe(iso(d(expected)));
};

export const shanghai: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  weeklyHours: defaultWeeklyHours(),
  days: [...chinaPublicHolidays2025(), ...chinaPublicHolidays2026()],
};
export const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  weeklyHours: defaultWeeklyHours(),
  days: [],
};
export const everyDay = (hours: WorkingInterval[]): Record<Weekday, WorkingInterval[]> => ({
  1: hours,
  2: hours,
  3: hours,
  4: hours,
  5: hours,
  6: hours,
  7: hours,
});
