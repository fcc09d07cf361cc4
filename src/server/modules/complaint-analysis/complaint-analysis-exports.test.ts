import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../test/api-client.ts';
import { buildUser } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { seedAnalysisMonth } from './complaint-analysis.fixtures.ts';

const t = setupTestApp();
let seeded: Awaited<ReturnType<typeof seedAnalysisMonth>>;
let quality: ApiClient;

beforeAll(async () => {
  seeded = await seedAnalysisMonth(t());
  quality = (await buildUser(t(), { roles: ['quality'] })).client;
});

describe('exports and permissions', () => {
  it('exports the analysis as a spreadsheet in the caller’s language, with an audit entry', async () => {
    const executive = await buildUser(t(), { roles: ['executive'] });
    const res = await executive.client.download('/api/v1/complaint-analysis/monthly.xlsx?month=2026-10');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('complaint-analysis-2026-10.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    for (const name of [
      '汇总',
      '按投诉类别',
      '按产品',
      '按责任部门',
      '按客户类别',
      '按投诉渠道',
      '各环节用时',
      '重复问题',
      '未结案投诉',
      '结案确认',
    ])
      expect(names).toContain(name);
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.getRow(3).values).toEqual([undefined, '收到投诉', 6]);
    const categories = workbook.getWorksheet('按投诉类别')!;
    expect(categories.getRow(1).values).toEqual([undefined, '投诉类别', '件数', '占比']);
    expect(categories.getRow(2).values).toEqual([undefined, '产品质量缺陷', 3, 0.5]);
    const steps = workbook.getWorksheet('各环节用时')!;
    expect(steps.getRow(2).values).toEqual([undefined, '受理致歉', 2, 3, 1]);
    const confirmations = workbook.getWorksheet('结案确认')!;
    expect(confirmations.rowCount).toBe(7);

    // A signed-in user's own language decides the language of what they get.
    expect((await executive.client.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);
    const english = await executive.client.download('/api/v1/complaint-analysis/monthly.xlsx?month=2026-10');
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(english.bytes as unknown as ArrayBuffer);
    expect(en.getWorksheet('By category')?.getRow(2).values).toEqual([undefined, 'Quality defect', 3, 0.5]);

    const audit = await t()
      .db.selectFrom('audit_log')
      .select(['actor_user_id', 'entity_id'])
      .where('action', '=', 'complaint_analysis.export')
      .execute();
    expect(audit).toEqual([
      { actor_user_id: executive.userId, entity_id: '2026-10' },
      { actor_user_id: executive.userId, entity_id: '2026-10' },
    ]);
  });

  it('prints the month as an HTML report with the figures', async () => {
    const reader = await buildUser(t(), { roles: ['quality'], locale: 'en' });
    const res = await reader.client.get<string>('/api/v1/complaint-analysis/monthly/print?month=2026-10');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain('Monthly complaint analysis');
    expect(html).toContain('2026-10');
    expect(html).toContain('<td>Received</td><td class="num">6</td>');
    expect(html).toContain('<td>Complaint rate</td><td>60%</td>');
    expect(html).toContain('<td>Quality defect</td><td class="num">3</td>');
    expect(html).toContain('TS-C1, TS-C2, TS-C3');
    expect(html).not.toContain('<script');
  });

  it('refuses people without the permissions', async () => {
    const warehouse = await buildUser(t(), { roles: ['warehouse'] });
    expect((await warehouse.client.get('/api/v1/complaint-analysis/monthly?month=2026-10')).status).toBe(403);
    expect(
      (await warehouse.client.get('/api/v1/complaint-analysis/confirmations?month=2026-10')).status,
    ).toBe(403);
    expect(
      (await warehouse.client.get('/api/v1/complaint-analysis/monthly/print?month=2026-10')).status,
    ).toBe(403);
    // quality may look and print but not export; the executive exports but does not enter bases or confirm
    expect((await quality.download('/api/v1/complaint-analysis/monthly.xlsx?month=2026-10')).status).toBe(
      403,
    );
    const executive = await buildUser(t(), { roles: ['executive'] });
    expect(
      (await executive.client.put('/api/v1/complaint-analysis/base/2026-10', { volume: 10 })).status,
    ).toBe(403);
    const agent = await buildUser(t(), { roles: ['agent'] });
    expect((await agent.client.get('/api/v1/complaint-analysis/monthly?month=2026-10')).status).toBe(200);
    const confirm = await agent.client.post(
      `/api/v1/complaints/${seeded.ids['TS-C3']}/closure-confirmation`,
      {},
    );
    expect(confirm.status).toBe(403);
  });
});
