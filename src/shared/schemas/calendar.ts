import { z } from 'zod';
import { timeZoneSchema } from './organisation.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const workingInterval = z
  .object({ start: hhmm, end: hhmm })
  .refine((i) => i.end > i.start, { message: 'end must be after start' });
const dayHours = z.array(workingInterval).max(6);

export const weeklyHoursSchema = z.object({
  1: dayHours,
  2: dayHours,
  3: dayHours,
  4: dayHours,
  5: dayHours,
  6: dayHours,
  7: dayHours,
});

export const calendarDaySchema = z.object({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(50).nullish(),
});

export const calendarView = z.object({
  id: z.number(),
  name: z.string(),
  timeZone: z.string(),
  weeklyHours: weeklyHoursSchema,
  makeupDayHours: dayHours.nullable(),
  isDefault: z.boolean(),
});
export type CalendarView = z.infer<typeof calendarView>;

export const calendarUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  timeZone: timeZoneSchema.optional(),
  weeklyHours: weeklyHoursSchema.optional(),
  makeupDayHours: dayHours.nullish(),
});

export const calendarDaysQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarDaysReplace = z.object({
  year: z.number().int().min(2000).max(2100),
  days: z.array(calendarDaySchema).max(366),
});

export const businessTimeQuery = z.object({
  start: z.iso.datetime({ offset: true }),
  minutes: z.coerce.number().min(0).max(1_000_000),
  mode: z.enum(['business', 'calendar']).default('business'),
});
