import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { CalendarView, Ok } from './types.ts';

export type WeeklyHours = CalendarView['weeklyHours'];
export type Interval = { start: string; end: string };
export interface SpecialDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

export function useCalendars() {
  return useQuery({
    queryKey: ['calendars'],
    queryFn: ({ signal }) => api.get<CalendarView[]>('/api/v1/calendars', undefined, signal),
  });
}

export interface CalendarPatch {
  name?: string;
  timeZone?: string;
  weeklyHours?: WeeklyHours;
  makeupDayHours?: Interval[] | null;
}

export function useUpdateCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: CalendarPatch }) =>
      api.patch<CalendarView>(`/api/v1/calendars/${id}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calendars'] }),
  });
}

export function useCalendarDays(id: number | undefined, year: number) {
  return useQuery({
    queryKey: ['calendars', id, 'days', year],
    queryFn: ({ signal }) => api.get<SpecialDay[]>(`/api/v1/calendars/${id}/days`, { year }, signal),
    enabled: id !== undefined,
  });
}

export function useReplaceDays() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, year, days }: { id: number; year: number; days: SpecialDay[] }) =>
      api.put<Ok>(`/api/v1/calendars/${id}/days`, { year, days }),
    onSuccess: (_ok, { id, year }) => client.invalidateQueries({ queryKey: ['calendars', id, 'days', year] }),
  });
}

/** China's statutory holidays and make-up days of a year, to import into a calendar. */
export function fetchChinaPreset(year: number) {
  return api.get<SpecialDay[]>(`/api/v1/calendar-presets/china/${year}`);
}

export interface DueResult {
  due: string;
  businessMinutes: number;
  calendarMinutes: number;
}

export function useDueCheck() {
  return useMutation({
    mutationFn: ({
      id,
      start,
      minutes,
      mode,
    }: {
      id: number;
      start: string;
      minutes: number;
      mode: 'business' | 'calendar';
    }) => api.get<DueResult>(`/api/v1/calendars/${id}/due`, { start, minutes, mode }),
  });
}
