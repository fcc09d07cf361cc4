import { describe, expect, it } from 'vitest';
import type { CalendarView } from '../../../shared/schemas/calendar.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { nextRecordNumber } from './record-numbers.ts';

const t = setupTestApp();

describe('organisation profile', () => {
  it('is edited by an administrator and audited', async () => {
    const admin = await t().admin();
    const res = await admin.patch('/api/v1/organisation', {
      name: '华东物流有限公司',
      timeZone: 'Asia/Shanghai',
      defaultLocale: 'zh-CN',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '华东物流有限公司' });
    const bad = await admin.patch('/api/v1/organisation', { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ field: 'body.timeZone' }] } },
    });
    const log = await admin.get<{ items: { action: string }[] }>('/api/v1/audit-log?entityType=organisation');
    expect(log.body.items[0]?.action).toBe('organisation.update');
  });
});

describe('record numbers', () => {
  it('follow the pattern in the organisation time zone and restart each period', async () => {
    // 2026-11-23 17:30 UTC is already 24 November in Shanghai.
    const at = new Date('2026-11-23T17:30:00Z');
    expect(await nextRecordNumber(t().db, 'complaint', at)).toBe('TS-20261124-0001');
    expect(await nextRecordNumber(t().db, 'complaint', at)).toBe('TS-20261124-0002');
    expect(await nextRecordNumber(t().db, 'complaint', new Date('2026-11-24T17:30:00Z'))).toBe(
      'TS-20261125-0001',
    );
  });

  it('never hands out the same number to concurrent transactions', async () => {
    const at = new Date('2026-12-01T03:00:00Z');
    const numbers = await Promise.all(
      Array.from({ length: 40 }, () =>
        t()
          .db.transaction()
          .execute((trx) => nextRecordNumber(trx, 'ticket', at)),
      ),
    );
    expect(new Set(numbers).size).toBe(40);
    expect(numbers.sort().at(-1)).toBe('SR-20261201-0040');
  });

  it('an administrator changes a pattern; invalid patterns are refused', async () => {
    const admin = await t().admin();
    const ok = await admin.put('/api/v1/number-patterns/capa', { pattern: 'JZ-{yyyy}-{seq5}' });
    expect(ok.status).toBe(200);
    const list =
      await admin.get<{ kind: string; pattern: string; example: string }[]>('/api/v1/number-patterns');
    expect(list.body.find((p) => p.kind === 'capa')).toMatchObject({
      pattern: 'JZ-{yyyy}-{seq5}',
      example: expect.stringMatching(/^JZ-\d{4}-00001$/),
    });
    expect((await admin.put('/api/v1/number-patterns/capa', { pattern: 'NO-SEQ-{yyyy}' })).status).toBe(400);
    expect((await admin.put('/api/v1/number-patterns/capa', { pattern: '{bogus}{seq4}' })).status).toBe(400);
    expect((await admin.put('/api/v1/number-patterns/nonsense', { pattern: 'X{seq4}' })).status).toBe(404);
  });
});

describe('business calendar', () => {
  it('ships a default calendar with China’s public holidays, and computes due times over them', async () => {
    const admin = await t().admin();
    const calendars = await admin.get<CalendarView[]>('/api/v1/calendars');
    const cal = calendars.body.find((c) => c.isDefault)!;
    expect(cal.timeZone).toBe('Asia/Shanghai');
    const days = await admin.get<{ date: string; kind: string; name: string }[]>(
      `/api/v1/calendars/${cal.id}/days?year=2026`,
    );
    expect(days.body.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'holiday' });
    expect(days.body.find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'workday' });

    // Wed 30 Sep 2026 17:00 leaves one working hour; 1–7 Oct are off (国庆节), so the clock resumes Thu 8 Oct 09:00.
    const start = encodeURIComponent('2026-09-30T17:00:00+08:00');
    const due = await admin.get<{ due: string; businessMinutes: number }>(
      `/api/v1/calendars/${cal.id}/due?start=${start}&minutes=120`,
    );
    expect(due.body.due).toBe('2026-10-08T02:00:00.000Z');
    expect(due.body.businessMinutes).toBe(120);
    const calendarMode = await admin.get<{ due: string }>(
      `/api/v1/calendars/${cal.id}/due?start=${start}&minutes=120&mode=calendar`,
    );
    expect(calendarMode.body.due).toBe('2026-09-30T11:00:00.000Z');
  });

  it('replaces a year of special days and edits working hours, refusing invalid input', async () => {
    const admin = await t().admin();
    const cal = (await admin.get<CalendarView[]>('/api/v1/calendars')).body[0]!;
    const put = await admin.put(`/api/v1/calendars/${cal.id}/days`, {
      year: 2027,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-09', kind: 'workday', name: '调休上班' },
      ],
    });
    expect(put.status).toBe(200);
    const wrongYear = await admin.put(`/api/v1/calendars/${cal.id}/days`, {
      year: 2027,
      days: [{ date: '2028-01-01', kind: 'holiday' }],
    });
    expect(wrongYear.status).toBe(400);
    const hours = { ...cal.weeklyHours, 6: [{ start: '09:00', end: '12:00' }] };
    const patched = await admin.patch<CalendarView>(`/api/v1/calendars/${cal.id}`, { weeklyHours: hours });
    expect(patched.body.weeklyHours[6]).toEqual([{ start: '09:00', end: '12:00' }]);
    const inverted = await admin.patch(`/api/v1/calendars/${cal.id}`, {
      weeklyHours: { ...hours, 1: [{ start: '18:00', end: '09:00' }] },
    });
    expect(errorCode(inverted.body)).toBe('VALIDATION_FAILED');
  });
});
