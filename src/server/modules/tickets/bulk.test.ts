import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../shared/schemas/tickets.ts';
import { buildTicket, buildUser } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();

describe('bulk actions and history', () => {
  it('assigns, tags and moves many requests; reports per request what could not be done', async () => {
    const admin = await t().admin();
    const agent = await buildUser(t(), { permissions: ['ticket.read', 'ticket.update'] });
    const ids: number[] = [];
    for (const subject of ['批量一', '批量二', '批量三']) ids.push((await buildTicket(t(), { subject })).id);

    const assigned = await admin.post<{ results: { ok: boolean }[] }>('/api/v1/tickets/bulk', {
      ids,
      action: 'assign',
      assigneeId: agent.userId,
    });
    expect(assigned.body.results.every((r) => r.ok)).toBe(true);
    await admin.post('/api/v1/tickets/bulk', { ids, action: 'tag', add: ['双十一'] });
    await admin.post(`/api/v1/tickets/${ids[0]}/transition`, { status: 'resolved' });
    const moved = await admin.post<{ results: { id: number; ok: boolean; code: string | null }[] }>(
      '/api/v1/tickets/bulk',
      { ids, action: 'status', status: 'waiting_customer' },
    );
    expect(moved.body.results).toEqual([
      { id: ids[0], ok: false, code: 'INVALID_TRANSITION' },
      { id: ids[1], ok: true, code: null },
      { id: ids[2], ok: true, code: null },
    ]);
    const tagged = await admin.get<{ items: TicketView[] }>(
      `/api/v1/tickets?tag=${encodeURIComponent('双十一')}`,
    );
    expect(tagged.body.items).toHaveLength(3);
    // Without ticket.assign the agent cannot bulk-assign.
    expect(
      (await agent.client.post('/api/v1/tickets/bulk', { ids, action: 'assign', assigneeId: null })).status,
    ).toBe(403);

    const events = await admin.get<{ kind: string; actorName: string | null }[]>(
      `/api/v1/tickets/${ids[1]}/events`,
    );
    expect(events.body.map((e) => e.kind)).toEqual(['created', 'assigned', 'updated', 'status']);
  });

  it('looks up contacts by name, company or email fragment for the request form', async () => {
    const admin = await t().admin();
    await buildTicket(t(), {
      subject: '询价',
      newContact: { name: '吴经理', email: 'wu@jiangnan.example', company: '江南纺织有限公司' },
    });
    const byCompany = await admin.get<{ name: string; customerName: string }[]>(
      `/api/v1/contacts/lookup?q=${encodeURIComponent('江南纺织')}`,
    );
    expect(byCompany.body).toEqual([
      expect.objectContaining({ name: '吴经理', customerName: '江南纺织有限公司' }),
    ]);
    const byName = await admin.get<{ name: string }[]>(
      `/api/v1/contacts/lookup?q=${encodeURIComponent('吴经理')}`,
    );
    expect(byName.body.map((c) => c.name)).toEqual(['吴经理']);
  });
});
