import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { registry } from '../registry.ts';

const t = setupTestApp();

/** What the lifecycle hooks saw: the request, its status read in the transaction and outside it. */
const seen: { event: 'resolved' | 'closed'; ticketId: number; inside?: string; outside?: string }[] = [];
let failing: 'resolved' | 'closed' | null = null;

for (const event of ['resolved', 'closed'] as const) {
  const register = event === 'resolved' ? registry.ticketResolved : registry.ticketClosed;
  register.call(registry, 'policy-test', async (trx, ctx, ticketId) => {
    const status = async (db: typeof trx) =>
      (await db.selectFrom('ticket').select('status').where('id', '=', ticketId).executeTakeFirst())?.status;
    seen.push({ event, ticketId, inside: await status(trx), outside: await status(t().db) });
    expect(ctx?.actor.userId).toBeGreaterThan(0);
    if (failing === event) throw new Error(`hook refused ${event}: internal detail`);
  });
}

async function typeId(code: string): Promise<number> {
  return (
    await t().db.selectFrom('ticket_type').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

async function newTicket(admin: ApiClient, body: Record<string, unknown> = {}): Promise<TicketView> {
  const res = await admin.post<TicketView>('/api/v1/tickets', {
    typeId: await typeId('inquiry'),
    subject: '权限测试请求',
    newContact: { name: '周先生', phone: '13800001111' },
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function statusOf(id: number) {
  return (await t().db.selectFrom('ticket').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
}

describe('record scope of requests', () => {
  it("an agent without ticket.read_all gets 404 for another team's request, on the request and its sub-routes", async () => {
    const admin = await t().admin();
    const agent = await t().userWith(
      [
        'ticket.read',
        'ticket.update',
        'ticket.reply',
        'ticket.assign',
        'ticket.merge',
        'call.read',
        'call.log',
      ],
      'scope_agent',
    );
    const colleague = await t().userWith(['ticket.read', 'ticket.update'], 'scope_colleague');
    const other = await t().userWith(['ticket.read', 'ticket.update'], 'scope_other');
    const team = async (name: string, userId: number) =>
      (
        await admin.post<{ id: number }>('/api/v1/teams', {
          name,
          members: [{ userId }],
        })
      ).body.id;
    const ownTeam = await team('售后一组', colleague.userId);
    await admin.patch(`/api/v1/teams/${ownTeam}`, {
      members: [{ userId: colleague.userId }, { userId: agent.userId }],
    });
    const otherTeam = await team('售后二组', other.userId);

    const hidden = await newTicket(admin, { assigneeId: other.userId, teamId: otherTeam });
    const teams = await newTicket(admin, { assigneeId: colleague.userId, teamId: ownTeam });
    const unassigned = await newTicket(admin);
    await admin.post(`/api/v1/tickets/${hidden.id}/messages`, { kind: 'internal', body: '内部备注' });
    const hiddenMessage = await admin.post<{ id: number }>(`/api/v1/tickets/${hidden.id}/messages`, {
      kind: 'public',
      body: '您好，已受理',
    });
    const canned = await agent.client.post<{ id: number }>('/api/v1/canned-responses', {
      title: '问候',
      body: '您好 {{customer.name}}',
    });
    const call = await agent.client.post<{ id: number }>('/api/v1/calls', {
      direction: 'inbound',
      number: '13800001111',
    });

    // Their team's request and the unassigned queue are visible; the other team's is not, in the list too.
    expect((await agent.client.get(`/api/v1/tickets/${teams.id}`)).status).toBe(200);
    expect((await agent.client.get(`/api/v1/tickets/${unassigned.id}`)).status).toBe(200);
    const list = await agent.client.get<{ items: TicketView[] }>('/api/v1/tickets?limit=100');
    expect(list.body.items.map((i) => i.id)).toEqual(expect.arrayContaining([teams.id, unassigned.id]));
    expect(list.body.items.map((i) => i.id)).not.toContain(hidden.id);

    const id = hidden.id;
    const before = (await admin.get<TicketView>(`/api/v1/tickets/${id}`)).body;
    const attempts: [string, () => Promise<{ status: number; body: unknown }>][] = [
      ['GET request', () => agent.client.get(`/api/v1/tickets/${id}`)],
      ['PATCH request', () => agent.client.patch(`/api/v1/tickets/${id}`, { subject: '改' })],
      ['transition', () => agent.client.post(`/api/v1/tickets/${id}/transition`, { status: 'resolved' })],
      ['assign', () => agent.client.post(`/api/v1/tickets/${id}/assign`, { assigneeId: agent.userId })],
      ['GET messages', () => agent.client.get(`/api/v1/tickets/${id}/messages`)],
      [
        'public reply',
        () => agent.client.post(`/api/v1/tickets/${id}/messages`, { kind: 'public', body: '回复' }),
      ],
      [
        'internal note',
        () => agent.client.post(`/api/v1/tickets/${id}/messages`, { kind: 'internal', body: '备注' }),
      ],
      ['GET events', () => agent.client.get(`/api/v1/tickets/${id}/events`)],
      ['GET links', () => agent.client.get(`/api/v1/tickets/${id}/links`)],
      ['link', () => agent.client.post(`/api/v1/tickets/${unassigned.id}/links`, { relatedId: id })],
      ['unlink', () => agent.client.delete(`/api/v1/tickets/${unassigned.id}/links/${id}`)],
      ['presence', () => agent.client.post(`/api/v1/tickets/${id}/presence`, { composing: true })],
      ['merge into', () => agent.client.post(`/api/v1/tickets/${unassigned.id}/merge`, { targetId: id })],
      ['merge from', () => agent.client.post(`/api/v1/tickets/${id}/merge`, { targetId: unassigned.id })],
      [
        'split',
        () =>
          agent.client.post(`/api/v1/tickets/${id}/split`, {
            messageIds: [hiddenMessage.body.id],
            subject: '拆分',
          }),
      ],
      ['canned reply', () => agent.client.get(`/api/v1/tickets/${id}/canned-responses/${canned.body.id}`)],
      ['call link', () => agent.client.post(`/api/v1/calls/${call.body.id}/ticket`, { ticketId: id })],
    ];
    for (const [what, attempt] of attempts) {
      const res = await attempt();
      expect(res.status, what).toBe(404);
      expect(errorCode(res.body), what).toBe('NOT_FOUND');
    }
    const bulk = await agent.client.post<{ results: { id: number; ok: boolean; code: string | null }[] }>(
      '/api/v1/tickets/bulk',
      { ids: [id], action: 'tag', add: ['x'] },
    );
    expect(bulk.body.results).toEqual([{ id, ok: false, code: 'NOT_FOUND' }]);

    // Nothing was changed by the refused attempts.
    const after = await admin.get<TicketView>(`/api/v1/tickets/${id}`);
    expect(after.body).toMatchObject({ subject: hidden.subject, status: before.status, tags: [] });
    expect(after.body.assigneeId).toBe(other.userId);
    const messages = await admin.get<unknown[]>(`/api/v1/tickets/${id}/messages`);
    expect(messages.body).toHaveLength(2);
  });

  it('without ticket.reply a public reply is a 403 and an internal note is allowed', async () => {
    const admin = await t().admin();
    const agent = await t().userWith(['ticket.read', 'ticket.update']);
    const open = await newTicket(admin);
    const reply = await agent.client.post(`/api/v1/tickets/${open.id}/messages`, {
      kind: 'public',
      body: '回复',
    });
    expect(reply.status).toBe(403);
    const note = await agent.client.post(`/api/v1/tickets/${open.id}/messages`, {
      kind: 'internal',
      body: '备注',
    });
    expect(note.status).toBe(201);
  });
});

describe('lifecycle hooks', () => {
  it('runs the resolved and closed hooks inside the transition transaction', async () => {
    const admin = await t().admin();
    const ticket = await newTicket(admin);
    await admin.post(`/api/v1/tickets/${ticket.id}/transition`, { status: 'in_progress' });
    seen.length = 0;
    const resolved = await admin.post<TicketView>(`/api/v1/tickets/${ticket.id}/transition`, {
      status: 'resolved',
    });
    expect(resolved.status).toBe(200);
    const closed = await admin.post<TicketView>(`/api/v1/tickets/${ticket.id}/transition`, {
      status: 'closed',
    });
    expect(closed.status).toBe(200);
    // Inside the transaction the hook sees the new status; outside it nothing has been committed yet.
    expect(seen).toEqual([
      { event: 'resolved', ticketId: ticket.id, inside: 'resolved', outside: 'in_progress' },
      { event: 'closed', ticketId: ticket.id, inside: 'closed', outside: 'resolved' },
    ]);
  });

  it('a hook that throws rolls the transition back and answers 500 INTERNAL without details', async () => {
    const admin = await t().admin();
    const ticket = await newTicket(admin);
    await admin.post(`/api/v1/tickets/${ticket.id}/transition`, { status: 'in_progress' });
    const eventsBefore = (await admin.get<unknown[]>(`/api/v1/tickets/${ticket.id}/events`)).body.length;
    try {
      failing = 'resolved';
      const refused = await admin.post(`/api/v1/tickets/${ticket.id}/transition`, { status: 'resolved' });
      expect(refused.status).toBe(500);
      expect(errorCode(refused.body)).toBe('INTERNAL');
      expect(Object.keys((refused.body as unknown as { error: object }).error).sort()).toEqual([
        'code',
        'message',
      ]);
      expect(JSON.stringify(refused.body)).not.toMatch(/internal detail|hook refused|\.ts:\d+/);
      expect(await statusOf(ticket.id)).toBe('in_progress');
      const events = await admin.get<unknown[]>(`/api/v1/tickets/${ticket.id}/events`);
      expect(events.body).toHaveLength(eventsBefore);

      failing = 'closed';
      const resolved = await admin.post(`/api/v1/tickets/${ticket.id}/transition`, { status: 'resolved' });
      expect(resolved.status).toBe(200);
      const notClosed = await admin.post(`/api/v1/tickets/${ticket.id}/transition`, { status: 'closed' });
      expect(notClosed.status).toBe(500);
      expect(errorCode(notClosed.body)).toBe('INTERNAL');
      expect(await statusOf(ticket.id)).toBe('resolved');
      const view = await admin.get<TicketView>(`/api/v1/tickets/${ticket.id}`);
      expect(view.body.closedAt).toBeNull();
    } finally {
      failing = null;
    }
  });
});
