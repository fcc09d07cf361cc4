import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmationPage, MonthlyAnalysis } from '../../../shared/schemas/complaint-analysis.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { writeSetting } from '../organisation/settings.queries.ts';
import { seedAnalysisMonth } from './complaint-analysis.fixtures.ts';
import { monthlyAnalysis } from './complaint-analysis.service.ts';

const t = setupTestApp();
let seeded: Awaited<ReturnType<typeof seedAnalysisMonth>>;
let quality: ApiClient;
let qualityUserId: number;

beforeAll(async () => {
  seeded = await seedAnalysisMonth(t());
  await writeSetting(t().db, 'complaints', { rateTargetPercent: 2.5 });
  const user = await buildUser(t(), { roles: ['quality'] });
  quality = user.client;
  qualityUserId = user.userId;
});

const sorted = <T>(items: T[]) =>
  [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('monthly complaint analysis', () => {
  it('counts the month in the organisation time zone, by every breakdown, with step times and repeats', async () => {
    const now = new Date('2026-11-10T16:00:00Z');
    const a = await monthlyAnalysis(t().db, '2026-10', now);
    expect(a).toMatchObject({
      month: '2026-10',
      timeZone: 'Asia/Shanghai',
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-10-31T16:00:00.000Z',
    });
    // C1–C6; C7 (1 November 00:10 in Shanghai) and C8 (30 September 23:50) are not October's
    expect(a.totals).toEqual({
      received: 6,
      valid: 4,
      notValid: 1,
      pending: 1,
      closed: 4,
      openAtMonthEnd: 3,
    });
    expect(a.byCategory).toEqual([
      { key: 'quality_defect', count: 3 },
      { key: 'packaging', count: 2 },
      { key: 'delay', count: 1 },
    ]);
    expect(a.byProduct).toEqual([
      { product: '钢板A', other: false, count: 3 },
      { product: '纸箱B', other: false, count: 2 },
      { product: null, other: false, count: 1 },
    ]);
    expect(sorted(a.byDepartment)).toEqual(
      sorted([
        { departmentId: seeded.departments.quality, name: '品质部', count: 2 },
        { departmentId: seeded.departments.production, name: '生产部', count: 2 },
        { departmentId: null, name: null, count: 2 },
      ]),
    );
    expect(sorted(a.byClass)).toEqual(
      sorted([
        { key: 'A', count: 2 },
        { key: 'B', count: 2 },
        { key: 'C', count: 1 },
        { key: null, count: 1 },
      ]),
    );
    expect(sorted(a.byChannel)).toEqual(
      sorted([
        { key: 'phone', count: 4 },
        { key: 'email', count: 1 },
        { key: 'web', count: 1 },
      ]),
    );
    expect(sorted(a.bySeverity)).toEqual(
      sorted([
        { key: 'normal', count: 3 },
        { key: 'critical', count: 1 },
        { key: 'major', count: 1 },
        { key: 'minor', count: 1 },
      ]),
    );
    // steps completed in October, in flow order; the one done in November and the running one are left out
    expect(a.stepDurations).toEqual([
      { step: 'acknowledge', completed: 2, averageHours: 3, breached: 1 },
      { step: 'investigate', completed: 2, averageHours: 15, breached: 0 },
      { step: 'review', completed: 1, averageHours: 1.5, breached: 1 },
      { step: 'final_report', completed: 1, averageHours: 48, breached: 0 },
    ]);
    expect(a.breachedSteps).toBe(2);
    expect(a.repeatProblems).toEqual([
      {
        product: '钢板A',
        category: 'quality_defect',
        count: 3,
        complaints: ['TS-C1', 'TS-C2', 'TS-C3'].map((n) => ({ id: seeded.ids[n], number: n })),
        capas: [{ id: seeded.capas.linked, number: 'TS-P1', status: 'in_progress' }],
      },
      // the dismissed CAPA for the same pair does not count
      {
        product: '纸箱B',
        category: 'packaging',
        count: 2,
        complaints: ['TS-C4', 'TS-C5'].map((n) => ({ id: seeded.ids[n], number: n })),
        capas: [],
      },
    ]);
    expect(a.openComplaints.total).toBe(4);
    expect(a.openComplaints.items.map((c) => [c.number, c.ageDays])).toEqual([
      ['TS-C2', 36],
      ['TS-C5', 26],
      ['TS-C6', 10],
      ['TS-C7', 9],
    ]);
    expect(a.openComplaints.items[0]).toMatchObject({
      customerName: '南方包装厂',
      departmentName: '品质部',
      stage: 'analyse',
    });
    expect(a.openCapas).toEqual({
      total: 2,
      items: [
        expect.objectContaining({ number: 'TS-P4', status: 'open', ageDays: 70 }),
        expect.objectContaining({ number: 'TS-P1', status: 'in_progress', ageDays: 35 }),
      ],
    });
    expect(a.trend).toEqual([
      { month: '2026-05', received: 1, valid: 0 },
      { month: '2026-06', received: 0, valid: 0 },
      { month: '2026-07', received: 0, valid: 0 },
      { month: '2026-08', received: 1, valid: 1 },
      { month: '2026-09', received: 1, valid: 1 },
      { month: '2026-10', received: 6, valid: 4 },
    ]);
  });

  it('takes the rate of the service requests until a base is entered, then of the base, against the target', async () => {
    const fallback = await quality.get<MonthlyAnalysis>('/api/v1/complaint-analysis/monthly?month=2026-10');
    expect(fallback.status, JSON.stringify(fallback.body)).toBe(200);
    // 6 complaints + 4 inquiries in October; the merged duplicate and 1 November 00:00 do not count
    expect(fallback.body.rate).toEqual({
      percent: 60,
      targetPercent: 2.5,
      met: false,
      base: { volume: 10, label: null, source: 'requests' },
    });

    const entered = await quality.put('/api/v1/complaint-analysis/base/2026-10', {
      volume: 200,
      label: '出货批次',
    });
    expect(entered.status).toBe(200);
    const over = await quality.get<MonthlyAnalysis>('/api/v1/complaint-analysis/monthly?month=2026-10');
    expect(over.body.rate).toEqual({
      percent: 3,
      targetPercent: 2.5,
      met: false,
      base: { volume: 200, label: '出货批次', source: 'entered' },
    });
    await quality.put('/api/v1/complaint-analysis/base/2026-10', { volume: 300, label: '出货批次' });
    const met = await quality.get<MonthlyAnalysis>('/api/v1/complaint-analysis/monthly?month=2026-10');
    expect(met.body.rate).toMatchObject({ percent: 2, met: true, base: { volume: 300, source: 'entered' } });
    expect(met.body.totals.received).toBe(6);

    const audit = await t()
      .db.selectFrom('audit_log')
      .select(['actor_user_id', 'entity_id'])
      .where('action', '=', 'complaint_analysis.base_set')
      .execute();
    expect(audit).toEqual([
      { actor_user_id: qualityUserId, entity_id: '2026-10' },
      { actor_user_id: qualityUserId, entity_id: '2026-10' },
    ]);
    const invalid = await quality.put('/api/v1/complaint-analysis/base/2026-13', { volume: 5 });
    expect(errorCode(invalid.body)).toBe('VALIDATION_FAILED');
    const zero = await quality.put('/api/v1/complaint-analysis/base/2026-09', { volume: 0 });
    expect(errorCode(zero.body)).toBe('VALIDATION_FAILED');

    // September has no base: one complaint (C8) of its requests (C8's own)
    const september = await quality.get<MonthlyAnalysis>('/api/v1/complaint-analysis/monthly?month=2026-09');
    expect(september.body.rate).toMatchObject({ percent: 100, base: { volume: 1, source: 'requests' } });
    const cleared = await quality.delete('/api/v1/complaint-analysis/base/2026-10');
    expect(cleared.status).toBe(200);
    const back = await quality.get<MonthlyAnalysis>('/api/v1/complaint-analysis/monthly?month=2026-10');
    expect(back.body.rate.base.source).toBe('requests');
  });

  it('analyses last month by default', async () => {
    const res = await quality.get<MonthlyAnalysis>('/api/v1/complaint-analysis/monthly');
    const expected = DateTime.now()
      .setZone('Asia/Shanghai')
      .startOf('month')
      .minus({ months: 1 })
      .toFormat('yyyy-MM');
    expect(res.body.month).toBe(expected);
    expect(res.body.trend.at(-1)?.month).toBe(expected);
  });
});

describe('closure confirmation checklist', () => {
  const list = (query: string) =>
    quality.get<ConfirmationPage>(`/api/v1/complaint-analysis/confirmations?month=2026-10${query}`);

  it('lists the month’s complaints and records the customer’s confirmation of closed ones only', async () => {
    const before = await list('');
    expect(before.body.summary).toEqual({ received: 6, closed: 3, confirmed: 0 });
    expect(before.body.total).toBe(6);
    expect(before.body.items.map((i) => i.number)).toEqual([
      'TS-C1',
      'TS-C2',
      'TS-C3',
      'TS-C4',
      'TS-C5',
      'TS-C6',
    ]);
    expect(before.body.items[0]).toMatchObject({
      customer: { id: seeded.customers.first, name: '华东钢构有限公司' },
      category: 'quality_defect',
      stage: 'closed',
      closedAt: '2026-10-20T02:00:00.000Z',
      confirmed: false,
      confirmedBy: null,
    });

    const open = await quality.post(`/api/v1/complaints/${seeded.ids['TS-C2']}/closure-confirmation`, {
      note: '太早',
    });
    expect(open.status).toBe(409);
    expect(errorCode(open.body)).toBe('COMPLAINT_NOT_CLOSED');
    const missing = await quality.post('/api/v1/complaints/999999/closure-confirmation', {});
    expect(missing.status).toBe(404);

    const done = await quality.post(`/api/v1/complaints/${seeded.ids['TS-C1']}/closure-confirmation`, {
      note: '客户电话确认问题已解决',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      number: 'TS-C1',
      confirmed: true,
      confirmedBy: { id: qualityUserId },
      note: '客户电话确认问题已解决',
    });

    expect((await list('')).body.summary).toEqual({ received: 6, closed: 3, confirmed: 1 });
    expect((await list('&filter=confirmed')).body.items.map((i) => i.number)).toEqual(['TS-C1']);
    expect((await list('&filter=to_confirm')).body.items.map((i) => i.number)).toEqual(['TS-C3', 'TS-C4']);
    expect((await list('&filter=open')).body.items.map((i) => i.number)).toEqual(['TS-C2', 'TS-C5', 'TS-C6']);
    const second = await list('&page=2&pageSize=2');
    expect(second.body).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(second.body.items.map((i) => i.number)).toEqual(['TS-C3', 'TS-C4']);

    const audit = await t()
      .db.selectFrom('audit_log')
      .select(['actor_user_id', 'entity_label'])
      .where('action', '=', 'complaint.closure_confirmed')
      .execute();
    expect(audit).toEqual([{ actor_user_id: qualityUserId, entity_label: 'TS-C1' }]);
  });
});
