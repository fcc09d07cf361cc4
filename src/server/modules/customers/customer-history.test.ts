import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/schemas/customers.ts';
import { buildCustomer, buildTicket } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';
import { updateDormancy } from './dormancy.service.ts';

const t = setupTestApp();

interface TimelinePage {
  items: { key: string; kind: string; subtype: string | null; title: string; at: string }[];
  nextCursor: string | null;
}

describe('customer timeline', () => {
  it('shows requests, calls and recorded visits in one newest-first history, filtered and paged', async () => {
    const admin = await t().admin();
    const c = await buildCustomer(t(), {
      name: '苏州光电科技有限公司',
      contacts: [{ name: '孙丽', mobile: '13700137000' }],
    });
    const contactId = c.contacts[0]!.id;
    for (const subject of ['镜头报价', '交货期确认', '发票寄送'])
      await buildTicket(t(), { subject, contactId });
    await admin.post('/api/v1/calls', { direction: 'inbound', number: '13700137000', notes: '询问交货期' });
    const visit = await admin.post<{ id: number }>(`/api/v1/customers/${c.id}/activities`, {
      kind: 'visit',
      subject: '上门拜访，了解明年采购计划',
      body: '客户计划扩产，明年采购量预计增加 30%。',
      contactId,
    });
    expect(visit.status).toBe(201);

    const all = await admin.get<TimelinePage>(`/api/v1/customers/${c.id}/timeline`);
    const kinds = all.body.items.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'request')).toHaveLength(3);
    expect(kinds).toContain('call');
    expect(all.body.items[0]).toMatchObject({ kind: 'activity', subtype: 'visit' });
    const times = all.body.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);

    const onlyRequests = await admin.get<TimelinePage>(`/api/v1/customers/${c.id}/timeline?kinds=request`);
    expect(onlyRequests.body.items.map((i) => i.kind)).toEqual(['request', 'request', 'request']);

    const keys: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { body: TimelinePage } = await admin.get(
        `/api/v1/customers/${c.id}/timeline?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      keys.push(...page.body.items.map((i) => i.key));

      cursor = page.body.nextCursor;
    }
    expect(keys).toEqual(all.body.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('class suggestion and dormancy', () => {
  it('suggests a class from sales, or from requests when sales are unknown, with the facts', async () => {
    const admin = await t().admin();
    const big = await buildCustomer(t(), { name: '大宗采购集团', annualSales: 8_000_000 });
    const mid = await buildCustomer(t(), { name: '中型贸易公司', annualSales: 2_000_000 });
    const unknown = await buildCustomer(t(), { name: '零星客户' });
    expect((await admin.get(`/api/v1/customers/${big.id}/class-suggestion`)).body).toMatchObject({
      suggested: 'A',
      facts: { annualSales: 8_000_000, rule: 'sales_a' },
    });
    expect((await admin.get(`/api/v1/customers/${mid.id}/class-suggestion`)).body).toMatchObject({
      suggested: 'B',
    });
    expect((await admin.get(`/api/v1/customers/${unknown.id}/class-suggestion`)).body).toMatchObject({
      suggested: 'C',
      facts: { rule: 'no_sales', requestsLastYear: 0 },
    });
    // Thresholds are settings.
    const settings = (await admin.get<Record<string, unknown>>('/api/v1/customer-settings')).body;
    await admin.put('/api/v1/customer-settings', { ...settings, classAMinSales: 1_500_000 });
    expect((await admin.get(`/api/v1/customers/${mid.id}/class-suggestion`)).body).toMatchObject({
      suggested: 'A',
    });
  });

  it('makes quiet customers dormant and wakes them on new contact, in the audit trail', async () => {
    const admin = await t().admin();
    const quiet = await buildCustomer(t(), {
      name: '沉睡客户有限公司',
      contacts: [{ name: '周静', email: 'zhou.jing@quiet.example' }],
    });
    await sql`UPDATE customer SET last_activity_at = now() - interval '200 days' WHERE id = ${quiet.id}`.execute(
      t().db,
    );
    await updateDormancy(t().db);
    expect((await admin.get<CustomerDetail>(`/api/v1/customers/${quiet.id}`)).body.lifecycle).toBe('dormant');
    // The customer writes in again: a request is contact.
    await buildTicket(t(), { subject: '重新询价', contactId: quiet.contacts[0]!.id });
    await updateDormancy(t().db);
    const back = (await admin.get<CustomerDetail>(`/api/v1/customers/${quiet.id}`)).body;
    expect(back.lifecycle).toBe('active');
    const moves = await t()
      .db.selectFrom('audit_log')
      .select(['actor_label', 'changes'])
      .where('action', '=', 'customer.lifecycle')
      .where('entity_id', '=', String(quiet.id))
      .orderBy('id')
      .execute();
    expect(moves.map((m) => m.actor_label)).toEqual(['system', 'system']);
  });
});

describe('customer documents', () => {
  it('keeps files with the customer file, checked like attachments, and only for that customer', async () => {
    const admin = await t().admin();
    const c = await buildCustomer(t(), { name: '资料测试有限公司' });
    const other = await buildCustomer(t(), { name: '另一家公司' });
    const upload = (customerId: number, name: string, bytes: Buffer) =>
      admin.upload<{ id: number; url: string }>(`/api/v1/customers/${customerId}/documents`, { name, bytes });
    const licence = await upload(c.id, '营业执照.pdf', Buffer.from('%PDF-1.7 licence'));
    expect(licence.status).toBe(201);
    expect((await upload(c.id, 'run.exe', Buffer.from('MZ...'))).status).toBe(415);
    const list = await admin.get<{ fileName: string; uploadedBy: string }[]>(
      `/api/v1/customers/${c.id}/documents`,
    );
    expect(list.body.map((d) => d.fileName)).toEqual(['营业执照.pdf']);
    const download = await fetch(`${admin.baseUrl}${licence.body.url}`, {
      headers: { cookie: admin.cookie! },
    });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('%PDF-1.7 licence');
    const wrong = await fetch(`${admin.baseUrl}/api/v1/customers/${other.id}/documents/${licence.body.id}`, {
      headers: { cookie: admin.cookie! },
    });
    expect(wrong.status).toBe(404);
  });
});

describe('customer custom fields', () => {
  it('an administrator defines fields; the file is checked against them on create and edit', async () => {
    const admin = await t().admin();
    const field = await admin.post('/api/v1/customer-fields', {
      key: 'main_products',
      label: { 'zh-CN': '主营产品', 'zh-TW': '主營產品', en: 'Main products' },
      kind: 'text',
      required: true,
    });
    expect(field.status).toBe(201);
    await admin.post('/api/v1/customer-fields', {
      key: 'payment_terms',
      label: { 'zh-CN': '结算方式', 'zh-TW': '結算方式', en: 'Payment terms' },
      kind: 'choice',
      options: [
        { value: 'monthly', label: { 'zh-CN': '月结', 'zh-TW': '月結', en: 'Monthly' } },
        { value: 'cash', label: { 'zh-CN': '现结', 'zh-TW': '現結', en: 'Cash' } },
      ],
    });
    const missing = await admin.post<{ error: { code: string; details: { issues: { field: string }[] } } }>(
      '/api/v1/customers',
      { name: '字段测试客户', customFields: { payment_terms: 'weekly' } },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues.map((i) => i.field).sort()).toEqual([
      'customFields.main_products',
      'customFields.payment_terms',
    ]);
    const ok = await admin.post<CustomerDetail>('/api/v1/customers', {
      name: '字段测试客户',
      customFields: { main_products: '不锈钢阀门', payment_terms: 'monthly' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.customFields).toEqual({ main_products: '不锈钢阀门', payment_terms: 'monthly' });
    const bad = await admin.patch(`/api/v1/customers/${ok.body.id}`, {
      customFields: { unknown_field: 'x' },
    });
    expect(bad.status).toBe(400);
    const fields = await admin.get<{ id: number; key: string }[]>('/api/v1/customer-fields');
    expect(fields.body.map((f) => f.key)).toEqual(['main_products', 'payment_terms']);
    // A field switched off is no longer asked for (and leaves this file's other tests alone).
    for (const f of fields.body) await admin.patch(`/api/v1/customer-fields/${f.id}`, { isActive: false });
    expect((await admin.post('/api/v1/customers', { name: '字段关闭后的客户' })).status).toBe(201);
  });
});
