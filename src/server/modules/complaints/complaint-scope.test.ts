import { describe, expect, it } from 'vitest';
import type { ComplaintView } from '../../../shared/schemas/complaints.ts';
import type { ApiClient } from '../../test/api-client.ts';
import { buildComplaint, buildCustomer, buildUser, unique } from '../../test/factories.ts';
import { setupTestApp } from '../../test/test-app.ts';

/**
 * A complaint is a request of type 投诉 plus its record: whoever may not open the request may not read
 * its complaint, its printed forms, its drafts, nor its subject and description on the customer timeline.
 */
const t = setupTestApp();

async function complaintOnAnotherAgentsRequest() {
  const admin = await t().admin();
  const customer = await buildCustomer(t(), { name: `青岛港务${unique()}` });
  const subject = `机密投诉${unique()}`;
  const complaint = await buildComplaint(t(), { customerId: customer.id, subject });
  const handler = await buildUser(t(), { roles: ['agent'] });
  const assigned = await admin.post(`/api/v1/tickets/${complaint.ticketId}/assign`, {
    assigneeId: handler.userId,
  });
  expect(assigned.status).toBe(200);
  return { complaint, customer, subject, handler };
}

const paths = (c: { id: number; ticketId: number }) => [
  `/api/v1/tickets/${c.ticketId}`,
  `/api/v1/complaints/${c.id}`,
  `/api/v1/complaints/${c.id}/print/record`,
  `/api/v1/complaints/${c.id}/drafts/acknowledge`,
  `/api/v1/tickets/${c.ticketId}/complaint`,
];

async function statuses(client: ApiClient, list: string[]) {
  return Promise.all(list.map(async (path) => [path, (await client.get(path)).status]));
}

describe('complaints follow their request’s scope', () => {
  it('an agent who gets 404 on the request gets 404 on its complaint, print, drafts and timeline entry', async () => {
    const { complaint, customer, subject, handler } = await complaintOnAnotherAgentsRequest();
    const outsider = await buildUser(t(), { roles: ['agent'] });

    expect(await statuses(outsider.client, paths(complaint))).toEqual(paths(complaint).map((p) => [p, 404]));
    const list = await outsider.client.get<{ items: ComplaintView[] }>('/api/v1/complaints?limit=100');
    expect(list.body.items.map((c) => c.id)).not.toContain(complaint.id);
    const timeline = await outsider.client.get(`/api/v1/customers/${customer.id}/timeline?kinds=request`);
    expect(timeline.status).toBe(200);
    expect(JSON.stringify(timeline.body)).not.toContain(subject);
    expect(JSON.stringify(timeline.body)).not.toContain('液压油管');

    // The agent working the request, and anyone with ticket.read_all, still read all of it.
    expect(await statuses(handler.client, paths(complaint))).toEqual(paths(complaint).map((p) => [p, 200]));
    const handlerTimeline = await handler.client.get(
      `/api/v1/customers/${customer.id}/timeline?kinds=request`,
    );
    expect(JSON.stringify(handlerTimeline.body)).toContain(subject);
    const specialist = await buildUser(t(), { roles: ['complaint_specialist'] });
    expect(await statuses(specialist.client, paths(complaint))).toEqual(
      paths(complaint).map((p) => [p, 200]),
    );
  });

  it('an outsider cannot act on the hidden complaint, nor read or execute its compensation', async () => {
    const { complaint } = await complaintOnAnotherAgentsRequest();
    const admin = await t().admin();
    const compensation = await admin.post<{ id: number }>(
      `/api/v1/complaints/${complaint.id}/compensations`,
      {
        kind: 'indemnity',
        amount: 5000,
        description: '停产损失赔偿',
      },
    );
    expect(compensation.status).toBe(201);
    const outsider = await buildUser(t(), {
      permissions: ['ticket.read', 'complaint.read', 'complaint.handle', 'customer.read'],
    });
    const edit = await outsider.client.patch(`/api/v1/complaints/${complaint.id}`, { demand: '全额退款' });
    expect(edit.status).toBe(404);
    expect((await outsider.client.get(`/api/v1/compensations/${compensation.body.id}`)).status).toBe(404);
    const execute = await outsider.client.post(`/api/v1/compensations/${compensation.body.id}/execute`, {
      note: '已赔付',
    });
    expect(execute.status).toBe(404);
    expect((await admin.get(`/api/v1/compensations/${compensation.body.id}`)).status).toBe(200);
  });
});
