import type { FastifyRequest } from 'fastify';
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
import {
  CHINA_PRESETS,
  findVisibleCalendar,
  listCalendarDays,
  listVisibleCalendars,
  loadBusinessCalendar,
  replaceYear,
  updateCalendar,
} from './calendar.service.ts';

export function calendarRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  /**
   * For the routes that read one calendar with a query (`attachValidation`): the calendar is checked before
   * the query, so an unknown id is a 404 whatever the query says; a malformed query is then its 400.
   */
  const calendarFirst = async (request: FastifyRequest, id: number) => {
    const failed = request.validationError as (Error & { validationContext?: string }) | undefined;
    if (failed && failed.validationContext !== 'querystring') throw failed;
    await findVisibleCalendar(deps.db, request.actor!, id);
    if (failed) throw failed;
  };

  return async (app) => {
    app.get(
      '/api/v1/calendars',
      {
        config: { permission: 'calendar.read' },
        schema: { tags: ['calendar'], response: { 200: z.array(calendarView) } },
      },
      async (request) => listVisibleCalendars(deps.db, request.actor!),
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
        attachValidation: true,
        schema: {
          tags: ['calendar'],
          params: idParam,
          querystring: calendarDaysQuery,
          response: { 200: z.array(calendarDaySchema) },
        },
      },
      async (request) => {
        await calendarFirst(request, request.params.id);
        return listCalendarDays(deps.db, request.actor!, request.params.id, request.query.year);
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
        attachValidation: true,
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
        await calendarFirst(request, request.params.id);
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
