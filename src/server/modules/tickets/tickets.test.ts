import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import { asAdmin, buildTicket, buildUser, staffContext, ticketTypeId } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { recordSlaBreaches } from './sla-breaches.service.ts';
import { createTicket } from './tickets.service.ts';
import { addTicketMessage } from './tickets-messages.service.ts';
import { transitionTicket } from './tickets-workflow.service.ts';

const t = setupTestApp();

async function ticket(id: number): Promise<TicketView> {
  return (await (await asAdmin(t())).get(`/api/v1/tickets/${id}`)).body;
}

describe('registering a request', () => {
  it('numbers it, links a new caller as contact and customer, and starts the SLA clocks', async () => {
    const admin = await t().admin();
    const res = await admin.post<TicketView>('/api/v1/tickets', {
      channel: 'phone',
      typeId: await ticketTypeId(t(), 'repair'),
      priority: 'high',
      subject: '冷库温控设备报修',
      description: '客户反映 3 号冷库温度异常，货物损坏风险，运单 SF1234567890',
      newContact: { name: '刘经理', phone: '13912345678', company: '苏州鲜达食品有限公司' },
      tags: ['冷链'],
    });
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^SR-\d{8}-\d{4}$/);
    expect(res.body).toMatchObject({
      status: 'new',
      priority: 'high',
      customerName: '苏州鲜达食品有限公司',
      contactName: '刘经理',
      channel: 'phone',
    });
    expect(res.body.firstResponse.dueAt).toBeTruthy();
    expect(res.body.resolution.dueAt).toBeTruthy();
    expect(res.body.allowedTransitions).toContain('in_progress');

    // The same caller again is matched by phone, not duplicated.
    const again = await admin.post<TicketView>('/api/v1/tickets', {
      typeId: await ticketTypeId(t(), 'inquiry'),
      subject: '再次来电',
      newContact: { name: '刘经理', phone: '13912345678' },
    });
    expect(again.body.contactId).toBe(res.body.contactId);
  });

  it('refuses an unknown type with a field error and writes nothing', async () => {
    const admin = await t().admin();
    const before = await t()
      .db.selectFrom('ticket')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await admin.post('/api/v1/tickets', { typeId: 99999, subject: 'x' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ field: 'typeId' }] } },
    });
    const after = await t()
      .db.selectFrom('ticket')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('SLA clocks on the business calendar', () => {
  it('runs over a weekend and a 调休 make-up Saturday', async () => {
    const ctx = await staffContext(t());
    // Friday 6 Nov 2026 17:30 Shanghai, normal priority: first response 60 business minutes → Mon 9 Nov 09:30.
    const id = await createTicket(
      t().db,
      ctx,
      { typeId: await ticketTypeId(t(), 'inquiry'), subject: '周五傍晚咨询' },
      new Date('2026-11-06T09:30:00Z'),
    );
    const view = await ticket(id);
    expect(view.firstResponse.dueAt).toBe('2026-11-09T01:30:00.000Z');
    // Resolution 1440 business minutes (three 8-hour days): 30 min Friday, Mon, Tue, then Wed until 17:30.
    expect(view.resolution.dueAt).toBe('2026-11-11T09:30:00.000Z');
    // Friday 25 Sep 2026 is 中秋节: the clock only starts on Monday 28 Sep 09:00.
    const holiday = await createTicket(
      t().db,
      ctx,
      { typeId: await ticketTypeId(t(), 'inquiry'), subject: '节日来电' },
      new Date('2026-09-25T02:00:00Z'),
    );
    expect((await ticket(holiday)).firstResponse.dueAt).toBe('2026-09-28T02:00:00.000Z');

    // Saturday 19 Sep 2026 is an ordinary Saturday; Sunday 20 Sep 2026 is a 调休 working day.
    const id2 = await createTicket(
      t().db,
      ctx,
      { typeId: await ticketTypeId(t(), 'inquiry'), subject: '周六来电' },
      new Date('2026-09-19T02:00:00Z'),
    );
    expect((await ticket(id2)).firstResponse.dueAt).toBe('2026-09-20T02:00:00.000Z');
  });

  it('pauses while waiting on the customer and moves the due times by the paused working time', async () => {
    const ctx = await staffContext(t());
    const start = new Date('2026-11-02T01:00:00Z'); // Monday 09:00 Shanghai
    const id = await createTicket(
      t().db,
      ctx,
      { typeId: await ticketTypeId(t(), 'technical_support'), subject: '系统无法登录' },
      start,
    );
    const before = await ticket(id);
    // Resolution: 1440 business minutes from Monday 09:00 → Wednesday 18:00.
    expect(before.resolution.dueAt).toBe('2026-11-04T10:00:00.000Z');
    await transitionTicket(t().db, ctx, id, { status: 'waiting_customer' }, new Date('2026-11-02T02:00:00Z'));
    expect((await ticket(id)).resolution.state).toBe('paused');
    // Resumed two working hours later (10:00 → 12:00 Shanghai).
    await transitionTicket(t().db, ctx, id, { status: 'in_progress' }, new Date('2026-11-02T04:00:00Z'));
    const after = await ticket(id);
    // 10:00–12:00 paused = 120 business minutes: Wednesday 18:00 moves to Thursday 11:00.
    expect(after.resolution.dueAt).toBe('2026-11-05T03:00:00.000Z');
  });

  it('records a breach, escalates the priority, and the first public reply stops the first-response clock', async () => {
    const ctx = await staffContext(t());
    const created = new Date('2026-11-03T01:00:00Z');
    const late = await createTicket(
      t().db,
      ctx,
      { typeId: await ticketTypeId(t(), 'inquiry'), subject: '无人回复', priority: 'normal' },
      created,
    );
    const answered = await createTicket(
      t().db,
      ctx,
      { typeId: await ticketTypeId(t(), 'inquiry'), subject: '及时回复' },
      created,
    );
    await addTicketMessage(
      t().db,
      ctx,
      answered,
      { kind: 'public', body: '您好，已收到，我们正在处理。' },
      new Date('2026-11-03T01:20:00Z'),
    );

    const count = await recordSlaBreaches(t().db, new Date('2026-11-03T03:00:00Z'));
    expect(count).toBeGreaterThanOrEqual(1);
    const lateView = await ticket(late);
    expect(lateView.firstResponse).toMatchObject({ breached: true, state: 'breached' });
    expect(lateView.priority).toBe('high');
    const answeredView = await ticket(answered);
    expect(answeredView.firstResponse).toMatchObject({
      breached: false,
      state: 'done',
      doneAt: '2026-11-03T01:20:00.000Z',
    });
    expect(answeredView.status).toBe('in_progress');
    const events = await t()
      .db.selectFrom('ticket_event')
      .select('kind')
      .where('ticket_id', '=', late)
      .execute();
    expect(events.map((e) => e.kind)).toContain('sla.breached');
  });
});

describe('the request flow', () => {
  it('enforces allowed transitions and asks a reason to reopen', async () => {
    const admin = await t().admin();
    const { id } = await buildTicket(t(), { type: 'repair', subject: '叉车故障' });
    const skip = await admin.post(`/api/v1/tickets/${id}/transition`, { status: 'revisited' });
    expect(skip.status).toBe(409);
    expect(errorCode(skip.body)).toBe('INVALID_TRANSITION');
    for (const status of ['in_progress', 'resolved', 'revisited', 'closed']) {
      const res = await admin.post<TicketView>(`/api/v1/tickets/${id}/transition`, { status });
      expect(res.status, status).toBe(200);
      expect(res.body.status).toBe(status);
    }
    const noReason = await admin.post(`/api/v1/tickets/${id}/transition`, { status: 'in_progress' });
    expect(errorCode(noReason.body)).toBe('REASON_REQUIRED');
    const reopened = await admin.post<TicketView>(`/api/v1/tickets/${id}/transition`, {
      status: 'in_progress',
      reason: '客户回复问题仍在',
    });
    expect(reopened.body).toMatchObject({ status: 'in_progress', resolvedAt: null, closedAt: null });
  });

  it('keeps internal notes internal and lists the conversation in order', async () => {
    const admin = await t().admin();
    const created = await buildTicket(t(), { subject: '发票开具' });
    await admin.post(`/api/v1/tickets/${created.id}/messages`, {
      kind: 'internal',
      body: '@财务 请核对发票抬头',
    });
    await admin.post(`/api/v1/tickets/${created.id}/messages`, {
      kind: 'public',
      body: '您好，发票将于明日寄出。',
    });
    const messages = await admin.get<{ kind: string; body: string }[]>(
      `/api/v1/tickets/${created.id}/messages`,
    );
    expect(messages.body.map((m) => m.kind)).toEqual(['internal', 'public']);
    const { client } = await buildUser(t(), { permissions: ['ticket.read', 'ticket.update'] });
    const denied = await client.post(`/api/v1/tickets/${created.id}/messages`, {
      kind: 'public',
      body: 'x',
    });
    expect(denied.status).toBe(403);
  });
});

describe('scope, assignment and search', () => {
  it("an agent sees own, team and unassigned requests; someone else's is a 404", async () => {
    const admin = await t().admin();
    const agentA = await buildUser(t(), { permissions: ['ticket.read', 'ticket.update', 'ticket.reply'] });
    const agentB = await buildUser(t(), { permissions: ['ticket.read'] });
    const created = await buildTicket(t(), { subject: '分派给 A 的请求' });
    const assign = await admin.post<TicketView>(`/api/v1/tickets/${created.id}/assign`, {
      assigneeId: agentA.userId,
    });
    expect(assign.body).toMatchObject({ status: 'assigned', assigneeId: agentA.userId });
    expect((await agentA.client.get(`/api/v1/tickets/${created.id}`)).status).toBe(200);
    expect((await agentB.client.get(`/api/v1/tickets/${created.id}`)).status).toBe(404);
    expect((await agentB.client.get(`/api/v1/tickets/${created.id}/messages`)).status).toBe(404);
    const list = await agentB.client.get<{ items: TicketView[] }>('/api/v1/tickets?limit=100');
    expect(list.body.items.map((i) => i.id)).not.toContain(created.id);

    const reassign = await admin.post(`/api/v1/tickets/${created.id}/assign`, {
      assigneeId: agentB.userId,
    });
    expect(errorCode(reassign.body)).toBe('REASON_REQUIRED');
    const mine = await agentA.client.get<{ items: TicketView[] }>('/api/v1/tickets?view=mine');
    expect(mine.body.items.map((i) => i.id)).toEqual([created.id]);
  });

  it('finds requests by Chinese words inside subjects, descriptions and messages, in either script, and by codes', async () => {
    const admin = await t().admin();
    const a = await buildTicket(t(), {
      type: 'order_issue',
      subject: '订单 DD20261101-0042 延迟发货',
      description: '客户要求查询物流进度',
    });
    const b = await buildTicket(t(), { subject: '满意度回访安排' });
    await admin.post(`/api/v1/tickets/${b.id}/messages`, {
      kind: 'public',
      body: '顺丰快递已签收，货物损坏需要理赔',
    });
    const search = async (q: string) =>
      (await admin.get<{ items: TicketView[] }>(`/api/v1/tickets?q=${encodeURIComponent(q)}`)).body.items.map(
        (i) => i.id,
      );
    expect(await search('延迟发货')).toEqual([a.id]);
    expect(await search('DD20261101-0042')).toEqual([a.id]);
    // Traditional query, Simplified text: the message of b, and the first test's description ("货物损坏风险").
    const damaged = await search('貨物損壞');
    expect(damaged).toContain(b.id);
    expect(damaged).not.toContain(a.id);
    expect(await search('满意度')).toContain(b.id);
    expect(await search('完全无关的词语')).toEqual([]);
  });

  it('pages the list with a cursor', async () => {
    const admin = await t().admin();
    const first = await admin.get<{ items: TicketView[]; nextCursor: string | null }>(
      '/api/v1/tickets?limit=3',
    );
    expect(first.body.items).toHaveLength(3);
    const second = await admin.get<{ items: TicketView[] }>(
      `/api/v1/tickets?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0]!.id).toBeLessThan(first.body.items[2]!.id);
  });
});
