import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../shared/schemas/calls.ts';
import { buildTicket, buildUser, type TicketSpec } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

/** A caller already on file: 周师傅 reported a breakdown by phone. */
const knownCaller = {
  type: 'repair',
  subject: '叉车无法启动',
  channel: 'phone',
  newContact: { name: '周师傅', phone: '139-1234-5678', company: '杭州顺达仓储有限公司' },
} satisfies TicketSpec;

describe('phone calls', () => {
  it('an agent logs an inbound call; the number is matched to the contact however it is written', async () => {
    const admin = await t().admin();
    const ticket = await buildTicket(t(), knownCaller);
    const call = await admin.post<CallView>('/api/v1/calls', {
      direction: 'inbound',
      number: '+86 13912345678',
      durationSeconds: 185,
      purpose: '催问维修进度',
      result: 'resolved',
      ticketId: ticket.id,
    });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({
      contactName: '周师傅',
      customerName: '杭州顺达仓储有限公司',
      ticketId: ticket.id,
      durationSeconds: 185,
    });
    const list = await admin.get<{ items: CallView[] }>('/api/v1/calls?direction=inbound');
    expect(list.body.items[0]?.id).toBe(call.body.id);
  });

  it('screen-pop finds the caller, their open requests and recent calls', async () => {
    const admin = await t().admin();
    const ticket = await buildTicket(t(), knownCaller);
    const lookup = await admin.get<{ contact: { name: string } | null; openTickets: { number: string }[] }>(
      `/api/v1/calls/lookup?number=${encodeURIComponent('13912345678')}`,
    );
    expect(lookup.body.contact?.name).toBe('周师傅');
    expect(lookup.body.openTickets.map((o) => o.number)).toContain(ticket.number);
    const unknown = await admin.get<{ contact: null }>('/api/v1/calls/lookup?number=02188888888');
    expect(unknown.body.contact).toBeNull();
  });

  it('a telephony system posts call events with an API token; one call id builds one record', async () => {
    const admin = await t().admin();
    await buildTicket(t(), knownCaller);
    const token = await admin.post<{ token: string }>('/api/v1/me/api-tokens', { name: '呼叫中心 CTI' });
    const cti = t().client();
    cti.useToken(token.body.token);
    const ringing = await cti.post<{ callId: number }>('/api/v1/telephony/events', {
      callId: 'pbx-0001',
      event: 'ringing',
      direction: 'inbound',
      number: '13912345678',
      agentUsername: 'admin',
      at: '2026-11-23T02:00:00Z',
    });
    expect(ringing.status).toBe(200);
    await cti.post('/api/v1/telephony/events', {
      callId: 'pbx-0001',
      event: 'answered',
      direction: 'inbound',
      number: '13912345678',
      at: '2026-11-23T02:00:10Z',
    });
    const ended = await cti.post<{ callId: number }>('/api/v1/telephony/events', {
      callId: 'pbx-0001',
      event: 'ended',
      direction: 'inbound',
      number: '13912345678',
      at: '2026-11-23T02:03:10Z',
    });
    expect(ended.body.callId).toBe(ringing.body.callId);
    const rows = await t()
      .db.selectFrom('call_record')
      .selectAll()
      .where('external_id', '=', 'pbx-0001')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'ended', duration_seconds: 180 });
    expect(rows[0]?.contact_id).not.toBeNull();
  });

  it('rejects malformed numbers and needs call permissions', async () => {
    const admin = await t().admin();
    expect((await admin.post('/api/v1/calls', { direction: 'inbound', number: 'DROP TABLE' })).status).toBe(
      400,
    );
    const { client } = await buildUser(t(), { permissions: ['ticket.read'] });
    expect((await client.get('/api/v1/calls')).status).toBe(403);
  });
});

describe('calls follow the requests policy', () => {
  it('the screen-pop lists only requests the agent may see; a call is not linked to a hidden request', async () => {
    const admin = await t().admin();
    const me = await admin.get('/api/auth/me');
    const caller = {
      type: 'repair',
      channel: 'phone',
      newContact: { name: '钱经理', phone: '137-5555-0101', company: '苏州恒远物流有限公司' },
    } satisfies TicketSpec;
    // Assigned to the administrator, in no team: hidden from an agent without ticket.read_all.
    const hidden = await buildTicket(t(), {
      ...caller,
      subject: '仓库门禁故障',
      assigneeId: me.body.user.id,
    });
    const agent = await buildUser(t(), { permissions: ['call.read', 'call.log', 'ticket.read'] });

    type Lookup = { contact: { name: string } | null; openTickets: { number: string }[] };
    const path = `/api/v1/calls/lookup?number=${encodeURIComponent('13755550101')}`;
    expect((await admin.get<Lookup>(path)).body.openTickets.map((o) => o.number)).toContain(hidden.number);
    const seen = await agent.client.get<Lookup>(path);
    expect(seen.body.contact?.name).toBe('钱经理');
    expect(seen.body.openTickets.map((o) => o.number)).not.toContain(hidden.number);

    const linked = await agent.client.post<{ error: { details: unknown } }>('/api/v1/calls', {
      direction: 'inbound',
      number: '13755550101',
      ticketId: hidden.id,
    });
    expect(linked.status).toBe(400);
    expect(linked.body.error.details).toMatchObject({
      issues: [{ field: 'ticketId' }],
    });
  });
});
