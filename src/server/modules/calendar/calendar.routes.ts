import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addMinutes, minutesBetween } from '../../../shared/calendar/business-time.ts';
import {
  businessTimeQuery,
  calendarDaySchema,
  calendarDaysQuery,
  calendarDaysReplace,
  calendarUpdate,
  calendarView,
} from '../../../shared/schemas/calendar.ts';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import type { AppDeps } from '../../app-deps.ts';
import { notFound } from '../../http/app-error.ts';
import { contextOf } from '../../http/context.ts';
import { daysBetween, findCalendar, listCalendars } from './calendar.queries.ts';
import {
  CHINA_PRESETS,
  loadBusinessCalendar,
  presentCalendar,
  replaceYear,
  updateCalendar,
} from './calendar.service.ts';

export function calendarRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/calendars',
      {
        config: { permission: 'calendar.read' },
        schema: { tags: ['calendar'], response: { 200: z.array(calendarView) } },
      },
      async () => (await listCalendars(deps.db)).map(presentCalendar),
    );

    app.patch(
      '/api/v1/calendars/:id',
      {
        config: { permission: 'calendar.manage' },
        schema: {
          tags: ['calendar'],
          params: idParam,
          body: calendarUpdate,
          response: { 200: calendarView },
        },
      },
      async (request) => updateCalendar(deps.db, contextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/calendars/:id/days',
      {
        config: { permission: 'calendar.read' },
        schema: {
          tags: ['calendar'],
          params: idParam,
          querystring: calendarDaysQuery,
          response: { 200: z.array(calendarDaySchema) },
        },
      },
      async (request) => {
        if (!(await findCalendar(deps.db, request.params.id))) throw notFound();
        const { year } = request.query;
        const rows = await daysBetween(deps.db, request.params.id, `${year}-01-01`, `${year}-12-31`);
        return rows.map((r) => ({ date: r.date, kind: r.kind as 'holiday' | 'workday', name: r.name }));
      },
    );

    app.put(
      '/api/v1/calendars/:id/days',
      {
        config: { permission: 'calendar.manage' },
        schema: {
          tags: ['calendar'],
          params: idParam,
          body: calendarDaysReplace,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await replaceYear(
          deps.db,
          contextOf(request),
          request.params.id,
          request.body.year,
          request.body.days,
        );
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/calendar-presets/china/:year',
      {
        config: { permission: 'calendar.read' },
        schema: {
          tags: ['calendar'],
          params: z.object({ year: z.coerce.number().int() }),
          response: { 200: z.array(calendarDaySchema) },
        },
      },
      async (request) => {
        const preset = CHINA_PRESETS[request.params.year];
        if (!preset) throw notFound();
        return preset().map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null }));
      },
    );

    // Lets an administrator check the calendar ("a request at Friday 17:00 with a 4-hour target is due …").
    app.get(
      '/api/v1/calendars/:id/due',
      {
        config: { permission: 'calendar.read' },
        schema: {
          tags: ['calendar'],
          params: idParam,
          querystring: businessTimeQuery,
          response: {
            200: z.object({ due: z.string(), businessMinutes: z.number(), calendarMinutes: z.number() }),
          },
        },
      },
      async (request) => {
        const { start, minutes, mode } = request.query;
        const calendar = await loadBusinessCalendar(deps.db, request.params.id, new Date(start));
        const from = new Date(start);
        const due = addMinutes(mode, calendar, from, minutes);
        return {
          due: due.toISOString(),
          businessMinutes: minutesBetween('business', calendar, from, due),
          calendarMinutes: minutesBetween('calendar', calendar, from, due),
        };
      },
    );
  };
}
