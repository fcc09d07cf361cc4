import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../test/api-client.ts';
import { buildComplaint, buildTicket, buildUser } from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';

const t = setupTestApp();
const MISSING = 987_654;

async function expectNotFound(client: ApiClient, path: string) {
  const res = await client.get(path);
  expect(res.status, path).toBe(404);
  expect(errorCode(res.body), path).toBe('NOT_FOUND');
}

describe('complaint, CAPA and return records: unknown ids and the read permission', () => {
  it('an unknown id is 404 NOT_FOUND on the record and its printed forms for a reader', async () => {
    const complaints = await t().userWith(['complaint.read']);
    await expectNotFound(complaints.client, `/api/v1/complaints/${MISSING}`);
    await expectNotFound(complaints.client, `/api/v1/complaints/${MISSING}/print/record`);
    await expectNotFound(complaints.client, `/api/v1/complaints/${MISSING}/print/reply`);
    await expectNotFound(complaints.client, `/api/v1/complaints/${MISSING}/drafts/acknowledge`);
    await expectNotFound(complaints.client, `/api/v1/tickets/${MISSING}/complaint`);

    const capas = await t().userWith(['capa.read']);
    await expectNotFound(capas.client, `/api/v1/capas/${MISSING}`);
    await expectNotFound(capas.client, `/api/v1/capas/${MISSING}/print`);

    const returns = await t().userWith(['return.read']);
    await expectNotFound(returns.client, `/api/v1/returns/${MISSING}`);
    await expectNotFound(returns.client, `/api/v1/returns/${MISSING}/print`);
    await expectNotFound(returns.client, `/api/v1/returns/${MISSING}/rework-print`);
  });

  it('without complaint.read a complaint is 403 FORBIDDEN (the route permission), known or not', async () => {
    const complaint = await buildComplaint(t());
    const outsider = await t().userWith(['capa.read', 'return.read']);
    for (const path of [
      '/api/v1/complaints',
      `/api/v1/complaints/${complaint.id}`,
      `/api/v1/complaints/${complaint.id}/print/record`,
      `/api/v1/complaints/${MISSING}`,
    ]) {
      const res = await outsider.client.get(path);
      expect(res.status, path).toBe(403);
      expect(errorCode(res.body), path).toBe('FORBIDDEN');
    }
  });
});

describe('turning a request into a complaint', () => {
  it('needs the request to be visible to the handler (the requests policy): a hidden one is a 404 and stays as it was', async () => {
    const admin = await t().admin();
    const me = await admin.get('/api/auth/me');
    const hidden = await buildTicket(t(), { subject: '包装破损', assigneeId: me.body.user.id });
    const handler = await buildUser(t(), {
      permissions: ['complaint.read', 'complaint.handle', 'ticket.read'],
    });
    const res = await handler.client.post(`/api/v1/tickets/${hidden.id}/complaint`);
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('NOT_FOUND');
    expect((await admin.get(`/api/v1/tickets/${hidden.id}`)).body.typeCode).toBe(hidden.typeCode);
    expect((await admin.get(`/api/v1/tickets/${hidden.id}/complaint`)).status).toBe(404);
  });
});
