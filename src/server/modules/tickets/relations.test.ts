import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import { buildTicket, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

/** Every request here comes from the same caller. */
const caller = { newContact: { name: '赵女士', email: 'zhao@example.com' } };

describe('merge, split and links', () => {
  it('merges a duplicate: the conversation moves, the duplicate closes, both keep history', async () => {
    const admin = await t().admin();
    const original = await buildTicket(t(), { ...caller, subject: '快递破损' });
    const duplicate = await buildTicket(t(), { ...caller, subject: '快递破损（重复来电）' });
    await admin.post(`/api/v1/tickets/${original.id}/messages`, {
      kind: 'public',
      body: '已登记，请提供照片',
    });
    await admin.post(`/api/v1/tickets/${duplicate.id}/messages`, {
      kind: 'internal',
      body: '客户第二次来电',
    });
    const merged = await admin.post(`/api/v1/tickets/${duplicate.id}/merge`, { targetId: original.id });
    expect(merged.status).toBe(200);
    const dup = await admin.get<TicketView>(`/api/v1/tickets/${duplicate.id}`);
    expect(dup.body.status).toBe('closed');
    const messages = await admin.get<{ kind: string; body: string }[]>(
      `/api/v1/tickets/${original.id}/messages`,
    );
    expect(messages.body.map((m) => m.body)).toEqual([
      '已登记，请提供照片',
      '客户第二次来电',
      `${duplicate.number}（快递破损（重复来电））已合并到本请求`,
    ]);
    const links = await admin.get<{ number: string; kind: string }[]>(`/api/v1/tickets/${original.id}/links`);
    expect(links.body).toEqual([expect.objectContaining({ number: duplicate.number, kind: 'merged_into' })]);
    const again = await admin.post(`/api/v1/tickets/${duplicate.id}/merge`, { targetId: original.id });
    expect(errorCode(again.body)).toBe('INVALID_TRANSITION');
  });

  it('splits chosen messages into a new request for the same customer', async () => {
    const admin = await t().admin();
    const mixed = await buildTicket(t(), { ...caller, subject: '开票与退货' });
    await admin.post(`/api/v1/tickets/${mixed.id}/messages`, { kind: 'public', body: '发票已开具' });
    const returnMsg = await admin.post<{ id: number }>(`/api/v1/tickets/${mixed.id}/messages`, {
      kind: 'public',
      body: '退货请另开单处理',
    });
    const split = await admin.post<{ id: number }>(`/api/v1/tickets/${mixed.id}/split`, {
      messageIds: [returnMsg.body.id],
      subject: '退货申请',
    });
    expect(split.status).toBe(201);
    const created = await admin.get<TicketView>(`/api/v1/tickets/${split.body.id}`);
    expect(created.body).toMatchObject({ subject: '退货申请', contactId: mixed.contactId, status: 'new' });
    const left = await admin.get<{ body: string }[]>(`/api/v1/tickets/${mixed.id}/messages`);
    expect(left.body.map((m) => m.body)).toEqual(['发票已开具']);
    const foreign = await admin.post(`/api/v1/tickets/${mixed.id}/split`, {
      messageIds: [returnMsg.body.id],
      subject: 'x',
    });
    expect(foreign.status).toBe(400);
  });

  it('links related requests both ways and unlinks', async () => {
    const admin = await t().admin();
    const a = await buildTicket(t(), { ...caller, subject: '仓库漏水' });
    const b = await buildTicket(t(), { ...caller, subject: '货物受潮' });
    expect((await admin.post(`/api/v1/tickets/${b.id}/links`, { relatedId: a.id })).status).toBe(200);
    expect((await admin.get<unknown[]>(`/api/v1/tickets/${a.id}/links`)).body).toHaveLength(1);
    expect((await admin.get<unknown[]>(`/api/v1/tickets/${b.id}/links`)).body).toHaveLength(1);
    await admin.delete(`/api/v1/tickets/${a.id}/links/${b.id}`);
    expect((await admin.get<unknown[]>(`/api/v1/tickets/${b.id}/links`)).body).toHaveLength(0);
  });
});

describe('collision warning', () => {
  it('tells an agent who else is on the request and whether they are typing', async () => {
    const ticket = await buildTicket(t(), { ...caller, subject: '同时处理' });
    const a = await buildUser(t(), {
      permissions: ['ticket.read', 'ticket.read_all', 'ticket.update'],
      name: 'agent_li',
    });
    const b = await buildUser(t(), {
      permissions: ['ticket.read', 'ticket.read_all', 'ticket.update'],
      name: 'agent_wang',
    });
    const first = await a.client.post<{ others: unknown[] }>(`/api/v1/tickets/${ticket.id}/presence`, {
      composing: false,
    });
    expect(first.body.others).toEqual([]);
    await b.client.post(`/api/v1/tickets/${ticket.id}/presence`, { composing: true });
    const second = await a.client.post<{ others: { displayName: string; composing: boolean }[] }>(
      `/api/v1/tickets/${ticket.id}/presence`,
      {},
    );
    expect(second.body.others).toEqual([{ userId: b.userId, displayName: 'agent_wang', composing: true }]);
  });
});
