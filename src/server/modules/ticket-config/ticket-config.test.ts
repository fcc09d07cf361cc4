import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import { buildCustomer, buildTicket, buildUser, ticketTypeId } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { DEFAULT_SLA_TARGETS } from '../tickets/sla.ts';

const t = setupTestApp();
const label = (zh: string, en: string) => ({ 'zh-CN': zh, 'zh-TW': zh, en });

describe('request types and custom fields', () => {
  it('an administrator adds a type with a required choice field; requests are checked against it', async () => {
    const admin = await t().admin();
    const type = await admin.post<{ id: number }>('/api/v1/ticket-config/types', {
      code: 'cold_chain',
      label: label('冷链异常', 'Cold-chain alert'),
    });
    expect(type.status).toBe(201);
    expect(
      (await admin.post('/api/v1/ticket-config/types', { code: 'cold_chain', label: label('重复', 'dup') }))
        .status,
    ).toBe(409);
    const field = await admin.post(`/api/v1/ticket-config/types/${type.body.id}/fields`, {
      key: 'temperature_zone',
      label: label('温区', 'Temperature zone'),
      kind: 'choice',
      required: true,
      options: [
        { value: 'frozen', label: label('冷冻', 'Frozen') },
        { value: 'chilled', label: label('冷藏', 'Chilled') },
      ],
    });
    expect(field.status).toBe(201);
    await admin.post(`/api/v1/ticket-config/types/${type.body.id}/fields`, {
      key: 'reading',
      label: label('读数', 'Reading'),
      kind: 'number',
    });

    const missing = await admin.post('/api/v1/tickets', { typeId: type.body.id, subject: '温度报警' });
    expect(missing.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ field: 'customFields.temperature_zone' }] } },
    });
    const wrong = await admin.post<{ error: { details: { issues: unknown[] } } }>('/api/v1/tickets', {
      typeId: type.body.id,
      subject: '温度报警',
      customFields: { temperature_zone: 'hot', reading: 'abc' },
    });
    expect(wrong.body.error.details.issues).toHaveLength(2);
    const ok = await admin.post<TicketView>('/api/v1/tickets', {
      typeId: type.body.id,
      subject: '温度报警',
      customFields: { temperature_zone: 'frozen', reading: '-12.5' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.customFields).toEqual({ temperature_zone: 'frozen', reading: -12.5 });
  });

  it('categories form a tree', async () => {
    const admin = await t().admin();
    const parent = await admin.post<{ id: number }>('/api/v1/ticket-config/categories', {
      label: label('运输', 'Transport'),
    });
    const child = await admin.post<{ parentId: number }>('/api/v1/ticket-config/categories', {
      parentId: parent.body.id,
      label: label('货损', 'Damage'),
    });
    expect(child.body.parentId).toBe(parent.body.id);
    const list = await admin.get<unknown[]>('/api/v1/ticket-config/categories');
    expect(list.body).toHaveLength(2);
  });
});

describe('SLA policies', () => {
  it('the first matching policy sets the clocks: class A urgent on calendar time', async () => {
    const admin = await t().admin();
    const targets = {
      ...DEFAULT_SLA_TARGETS,
      urgent: { firstResponse: 10, nextResponse: 60, resolution: 120 },
    };
    const policy = await admin.post<{ id: number }>('/api/v1/sla-policies', {
      name: 'A 类客户 7×24',
      position: 1,
      conditions: { customerClasses: ['A'] },
      targets,
      clock: 'calendar',
    });
    expect(policy.status).toBe(201);
    const customer = await buildCustomer(t(), { code: 'A-1', name: '重点客户', class: 'A' });
    const res = await admin.post<TicketView>('/api/v1/tickets', {
      typeId: await ticketTypeId(t(), 'repair'),
      subject: '夜间停机',
      priority: 'urgent',
      customerId: customer.id,
    });
    const created = new Date(res.body.createdAt).getTime();
    expect(new Date(res.body.firstResponse.dueAt!).getTime() - created).toBe(10 * 60_000);
    expect(new Date(res.body.resolution.dueAt!).getTime() - created).toBe(120 * 60_000);
    const invalid = await admin.post('/api/v1/sla-policies', {
      name: 'x',
      targets: { urgent: { firstResponse: 0, resolution: 1 } },
    });
    expect(errorCode(invalid.body)).toBe('VALIDATION_FAILED');
  });
});

describe('canned responses', () => {
  it('fill variables from the request; personal ones stay private; shared ones need configure rights', async () => {
    const admin = await t().admin();
    const shared = await admin.post<{ id: number }>('/api/v1/canned-responses', {
      title: '受理确认',
      body: '{{contact.name}}您好，您的服务请求 {{ticket.number}}（{{ticket.subject}}）已受理，{{agent.name}} 将为您处理。{{unknown.var}}',
      shared: true,
    });
    expect(shared.status).toBe(201);
    const ticket = await buildTicket(t(), {
      subject: '发票查询',
      newContact: { name: '陈先生', email: 'chen@example.com' },
    });
    const rendered = await admin.get<{ body: string }>(
      `/api/v1/tickets/${ticket.id}/canned-responses/${shared.body.id}`,
    );
    expect(rendered.body.body).toBe(
      `陈先生您好，您的服务请求 ${ticket.number}（发票查询）已受理，系统管理员 将为您处理。{{unknown.var}}`,
    );

    const agent = await buildUser(t(), { permissions: ['ticket.read', 'ticket.update'] });
    const own = await agent.client.post<{ id: number }>('/api/v1/canned-responses', {
      title: '我的常用语',
      body: '稍等，我查一下。',
    });
    expect(own.status).toBe(201);
    expect(
      (await agent.client.post('/api/v1/canned-responses', { title: 'x', body: 'y', shared: true })).status,
    ).toBe(403);
    expect(
      (await agent.client.patch(`/api/v1/canned-responses/${shared.body.id}`, { body: '改' })).status,
    ).toBe(403);
    const adminList = await admin.get<{ id: number }[]>('/api/v1/canned-responses');
    expect(adminList.body.map((c) => c.id)).not.toContain(own.body.id);
    expect((await admin.delete(`/api/v1/canned-responses/${own.body.id}`)).status).toBe(404);
    const search = await agent.client.get<{ title: string }[]>(
      `/api/v1/canned-responses?q=${encodeURIComponent('受理')}`,
    );
    expect(search.body.map((c) => c.title)).toEqual(['受理确认']);
  });
});
